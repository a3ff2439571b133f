package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CPython's _TestSemaphore, plus permits taken and given across processes. */
class SemaphoreTest {

    private static void countsDown(Semaphore sem) {
        assertThat(sem.getValue()).isEqualTo(2);
        assertThat(sem.acquire()).isTrue();
        assertThat(sem.getValue()).isEqualTo(1);
        assertThat(sem.acquire()).isTrue();
        assertThat(sem.getValue()).isZero();
        assertThat(sem.acquire(false)).isFalse();
        assertThat(sem.getValue()).isZero();
        sem.release();
        assertThat(sem.getValue()).isEqualTo(1);
        sem.release();
        assertThat(sem.getValue()).isEqualTo(2);
    }

    @Test
    void semaphoreCountsAndMayGrowPastItsStart() {
        Semaphore sem = new Semaphore(2);
        countsDown(sem);
        sem.release();
        assertThat(sem.getValue()).isEqualTo(3);
        sem.release();
        assertThat(sem.getValue()).isEqualTo(4);
    }

    @Test
    void boundedSemaphoreRefusesToGrowPastItsStart() {
        BoundedSemaphore sem = new BoundedSemaphore(2);
        countsDown(sem);
        assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("Semaphore released too many times");
        assertThat(sem.getValue()).isEqualTo(2);
    }

    @Test
    void negativeInitialValueIsRefused() {
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
    }

    @Test
    void timeouts() {
        Semaphore sem = new Semaphore(0);
        long start = System.nanoTime();
        assertThat(sem.acquire(false)).isFalse();
        assertThat(sem.acquire(false, 5)).isFalse(); // non-blocking ignores the timeout
        assertThat(Processes.elapsed(start)).isLessThan(1.0);
        start = System.nanoTime();
        assertThat(sem.acquire(true, 0.1)).isFalse();
        assertThat(Processes.elapsed(start)).isBetween(0.09, 5.0);
        start = System.nanoTime();
        assertThat(sem.acquire(0.2)).isFalse();
        assertThat(Processes.elapsed(start)).isBetween(0.19, 5.0);
    }

    @Test
    void atMostTwoOfFourProcessesInsideATwoPermitSemaphore() throws Exception {
        Semaphore sem = new Semaphore(2);
        Value inside = new Value('i', 0);
        Value maxInside = new Value('i', 0);
        Barrier together = new Barrier(4, null, 30);
        Target task = () -> {
            together.await(); // start at once, or the first could finish before the last JVM boots
            for (int round = 0; round < 20; round++) {
                try (Held permit = sem.acquired()) {
                    try (Held held = inside.getLock().acquired()) {
                        inside.setInt(inside.getInt() + 1);
                        maxInside.setInt(Math.max(maxInside.getInt(), inside.getInt()));
                    }
                    Thread.sleep(2);
                    try (Held held = inside.getLock().acquired()) {
                        inside.setInt(inside.getInt() - 1);
                    }
                }
            }
        };
        List<ChildProcess> children = Processes.start(3, task);
        task.run();
        Processes.joinOk(children);
        assertThat(maxInside.getInt()).isEqualTo(2);
        assertThat(sem.getValue()).isEqualTo(2);
    }
}
