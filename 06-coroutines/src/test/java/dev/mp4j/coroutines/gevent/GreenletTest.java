package dev.mp4j.coroutines.gevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The greenlet semantics the chapter relies on, as the greenlet package documents them. */
class GreenletTest {

    @Test
    void switchHandsValuesBothWays() {
        List<Object> seen = new ArrayList<>();
        Greenlet main = Greenlet.getCurrent();
        Greenlet child = new Greenlet(first -> {
            seen.add(first);
            Object second = main.switchTo("from child");
            seen.add(second);
            return "result";
        });

        assertThat(child.switchTo("start")).isEqualTo("from child");
        assertThat(child.switchTo("again")).as("the function's result goes to the parent").isEqualTo("result");
        assertThat(seen).containsExactly("start", "again");
        assertThat(child.isDead()).isTrue();
    }

    @Test
    void anExceptionIsRaisedInTheParent() {
        Greenlet child = new Greenlet(() -> {
            throw new IllegalArgumentException("boom");
        });

        assertThatThrownBy(child::switchTo).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
        assertThat(child.isDead()).isTrue();
    }

    @Test
    void greenletExitIsHandedToTheParentAsAValue() {
        Greenlet main = Greenlet.getCurrent();
        Greenlet child = new Greenlet(() -> main.switchTo());
        child.switchTo();

        Object value = child.throwInto(new GreenletExit());

        assertThat(value).isInstanceOf(GreenletExit.class);
        assertThat(child.isDead()).isTrue();
    }

    @Test
    void switchingToADeadGreenletGoesToItsParent() {
        Greenlet child = new Greenlet(value -> value);
        child.switchTo("once");

        assertThat(child.switchTo("twice")).as("the dead child's parent is main, i.e. ourselves").isEqualTo("twice");
    }

    @Test
    void killingANeverStartedGreenletNeverRunsIt() {
        AtomicInteger runs = new AtomicInteger();
        Greenlet child = new Greenlet(runs::incrementAndGet);

        child.kill();

        assertThat(child.isDead()).isTrue();
        assertThat(runs).hasValue(0);
    }

    @Test
    void greenletsOfAnotherThreadAreRefused() throws Exception {
        Greenlet mine = new Greenlet(() -> { });
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                mine.switchTo();
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        other.join(5_000);

        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another thread");
        mine.kill();
    }

    @Test
    void exactlyOneGreenletRunsAtATime() {
        int greenlets = 50;
        int rounds = 200;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] unguarded = {0};
        Greenlet main = Greenlet.getCurrent();
        List<Greenlet> ring = new ArrayList<>();
        for (int i = 0; i < greenlets; i++) {
            int index = i;
            ring.add(new Greenlet(() -> {
                for (int r = 0; r < rounds; r++) {
                    if (running.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    unguarded[0]++; // a plain field: safe only if the greenlets never overlap
                    running.decrementAndGet();
                    Greenlet next = index + 1 < greenlets ? ring.get(index + 1) : null;
                    if (next != null) {
                        next.switchTo();
                    } else if (r + 1 < rounds) {
                        ring.get(0).switchTo();
                    }
                }
                if (index + 1 == greenlets) {
                    main.switchTo();
                }
            }));
        }

        ring.get(0).switchTo();

        assertThat(overlaps).hasValue(0);
        assertThat(unguarded[0]).isEqualTo(greenlets * rounds);
        ring.forEach(Greenlet::kill);
        assertThat(ring).allMatch(Greenlet::isDead);
    }
}
