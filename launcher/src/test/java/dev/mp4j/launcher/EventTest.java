package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CPython's _TestEvent: the flag, waits with timeouts, and a child that sets it. */
class EventTest {

    @Test
    void event() throws Exception {
        Event event = new Event();
        assertThat(event.isSet()).isFalse();

        long start = System.nanoTime();
        assertThat(event.await(0.0)).isFalse();
        assertThat(Processes.elapsed(start)).isLessThan(1.0);
        start = System.nanoTime();
        assertThat(event.await(0.1)).isFalse();
        assertThat(Processes.elapsed(start)).isBetween(0.09, 5.0);

        event.set();
        assertThat(event.isSet()).isTrue();
        start = System.nanoTime();
        assertThat(event.await()).isTrue();
        assertThat(event.await(0.1)).isTrue();
        assertThat(Processes.elapsed(start)).isLessThan(1.0);

        event.clear();
        assertThat(event.isSet()).isFalse();
        ChildProcess setter = Processes.start(() -> {
            Thread.sleep(100);
            event.set();
        });
        assertThat(event.await(30)).isTrue();
        assertThat(event.isSet()).isTrue();
        Processes.joinOk(setter);
    }

    @Test
    void aChildWaitsForTheParentsSet() throws Exception {
        Event go = new Event();
        Value woke = Value.raw('i', 0);
        ChildProcess waiter = Processes.start(() -> woke.setInt(go.await(30) ? 1 : -1));
        assertThat(waiter.isAlive()).isTrue();
        go.set();
        Processes.joinOk(waiter);
        assertThat(woke.getInt()).isEqualTo(1);
    }
}
