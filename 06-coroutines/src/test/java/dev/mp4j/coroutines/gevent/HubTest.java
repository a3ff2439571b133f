package dev.mp4j.coroutines.gevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gevent analogue's scheduling rules, on which the chapter's orderings rest. */
class HubTest {

    @AfterEach
    void destroyHub() {
        Gevent.getHub().destroy();
    }

    @Test
    void spawnedGreenletsStartInSpawnOrderOnlyWhenTheHubRuns() {
        List<String> order = new ArrayList<>();
        Greenlet a = Gevent.spawn(() -> order.add("a"));
        Greenlet b = Gevent.spawn(() -> order.add("b"));
        assertThat(order).as("spawn does not run anything yet").isEmpty();

        Gevent.joinall(b, a);

        assertThat(order).containsExactly("a", "b");
        assertThat(Gevent.getHub().pending()).isZero();
    }

    @Test
    void sleepZeroLetsTheOtherReadyGreenletsGoFirst() {
        List<String> order = new ArrayList<>();
        Gevent.joinall(
                Gevent.spawn(() -> {
                    order.add("a1");
                    Gevent.sleep(0);
                    order.add("a2");
                }),
                Gevent.spawn(() -> order.add("b")));

        assertThat(order).containsExactly("a1", "b", "a2");
    }

    @Test
    void sleepersWakeInOrderOfDeadline() {
        List<Integer> order = new ArrayList<>();
        List<Greenlet> greenlets = new ArrayList<>();
        for (int seconds : new int[] {3, 1, 2}) {
            greenlets.add(Gevent.spawn(() -> {
                Gevent.sleep(seconds);
                order.add(seconds);
            }));
        }

        Gevent.joinall(greenlets);

        assertThat(order).containsExactly(1, 2, 3);
    }

    @Test
    void theMainGreenletMaySleepToo() {
        List<String> order = new ArrayList<>();
        Greenlet other = Gevent.spawn(() -> order.add("other"));

        Gevent.sleep(0.1);
        order.add("main");

        assertThat(order).containsExactly("other", "main");
        assertThat(other.isDead()).isTrue();
    }

    @Test
    void aFailingGreenletIsReportedAndTheOthersGoOn() {
        List<String> order = new ArrayList<>();
        Greenlet failing = Gevent.spawn(() -> {
            throw new IllegalStateException("expected by the test");
        });
        Greenlet fine = Gevent.spawn(() -> order.add("fine"));
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Gevent.joinall(failing, fine);
        } finally {
            System.setErr(originalErr);
        }

        assertThat(order).containsExactly("fine");
        assertThat(failing.isDead()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("java.lang.IllegalStateException: expected by the test")
                .contains(" failed with IllegalStateException");
    }

    @Test
    void waitingForeverRaisesLoopExitInsteadOfHanging() {
        Greenlet[] pair = new Greenlet[2];
        pair[0] = Gevent.spawn(() -> Gevent.joinall(pair[1]));
        pair[1] = Gevent.spawn(() -> Gevent.joinall(pair[0]));

        assertThatThrownBy(() -> Gevent.joinall(pair)).isInstanceOf(LoopExit.class)
                .hasMessageContaining("block forever");
        Gevent.kill(pair[0]); // pair[1] then finishes its join and ends by itself
        Gevent.joinall(pair);
        assertThat(pair).allMatch(Greenlet::isDead);
        assertThat(Gevent.getHub().pending()).isZero();
    }

    @Test
    void killEndsASleepingGreenletAndNeverStartedOnes() {
        List<String> order = new ArrayList<>();
        Greenlet sleeper = Gevent.spawn(() -> {
            order.add("sleeps");
            Gevent.sleep(1000);
            order.add("never printed");
        });
        Gevent.sleep(0); // let it start and go to sleep
        Greenlet neverStarted = Gevent.spawn(() -> order.add("never started"));

        Gevent.kill(neverStarted);
        Gevent.kill(sleeper);

        assertThat(order).containsExactly("sleeps");
        assertThat(sleeper.isDead()).isTrue();
        assertThat(neverStarted.isDead()).isTrue();
        assertThat(Gevent.getHub().pending()).as("the killed sleeper's timer is gone").isZero();
    }

    @Test
    void ioLetsTheOthersRunAndRethrowsItsFailure() {
        List<String> order = new ArrayList<>();
        Greenlet reader = Gevent.spawn(() -> {
            order.add("io starts");
            try {
                Gevent.io(() -> {
                    Thread.sleep(dev.mp4j.launcher.Time.scaled(1)); // a blocking call outside the hub
                    throw new IOException("connection reset");
                });
            } catch (UncheckedIOException e) {
                order.add("io failed: " + e.getCause().getMessage());
            }
        });
        Greenlet other = Gevent.spawn(() -> order.add("other runs meanwhile"));

        Gevent.joinall(reader, other);

        assertThat(order).containsExactly("io starts", "other runs meanwhile", "io failed: connection reset");
    }
}
