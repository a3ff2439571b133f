package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract of a {@link SharedEvent}, after CPython's _TestEvent: the launcher's Event and a manager's. */
abstract class EventContract {

    abstract SharedEvent newEvent();

    @Test
    void awaitReturnsTheFlagAfterAtLeastItsTimeoutOrAtOnceWhenSet() {
        SharedEvent event = newEvent();
        assertThat(event.isSet()).isFalse();
        assertThat(event.await(0)).isFalse();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> event.await(-1))).isFalse();
        long start = System.nanoTime();
        assertThat(event.await(0.2)).isFalse();
        assertThat(Processes.elapsed(start)).isGreaterThanOrEqualTo(0.2);

        event.set();
        assertThat(event.isSet()).isTrue();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> event.await())).isTrue();
        assertThat(event.await(0.2)).isTrue();
        event.clear();
        assertThat(event.isSet()).isFalse();
    }

    @Test
    void aChildsSetWakesTheParentAndTheParentsSetWakesAChild() throws Exception {
        SharedEvent fromChild = newEvent();
        SharedEvent fromParent = newEvent();
        Value woke = Value.raw('i', 0);
        ChildProcess child = Processes.start(() -> {
            fromChild.set();
            woke.setInt(fromParent.await(30) ? 1 : -1);
        });
        assertThat(fromChild.await(30)).isTrue();
        fromParent.set();
        Processes.joinOk(child);
        assertThat(woke.getInt()).isEqualTo(1);
    }

    @Test
    void anInterruptedAwaitIsCancelled() throws Exception {
        SharedEvent event = newEvent();
        Interrupts.assertInterruptedWaitIsCancelled(event::await);
    }
}
