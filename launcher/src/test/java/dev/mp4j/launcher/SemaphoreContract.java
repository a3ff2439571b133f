package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SharedSemaphore}, after CPython's _TestSemaphore: run against the launcher's
 * Semaphore and BoundedSemaphore in shared memory and a manager's.
 */
abstract class SemaphoreContract {

    abstract SharedSemaphore newSemaphore(int value);

    abstract SharedSemaphore newBoundedSemaphore(int value);

    private static void countsDown(SharedSemaphore sem) {
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
    void aSemaphoreCountsAndMayGrowPastItsStart() {
        SharedSemaphore sem = newSemaphore(2);
        countsDown(sem);
        sem.release();
        assertThat(sem.getValue()).isEqualTo(3);
    }

    @Test
    void aBoundedSemaphoreRefusesToGrowPastItsStart() {
        SharedSemaphore sem = newBoundedSemaphore(2);
        countsDown(sem);
        assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("Semaphore released too many times");
        assertThat(sem.getValue()).isEqualTo(2);
    }

    @Test
    void aTimedAcquireGivesUpAfterAtLeastItsTimeoutAndANegativeOneTriesOnce() {
        SharedSemaphore sem = newSemaphore(0);
        assertThat(sem.acquire(false, 5)).as("not blocking ignores the timeout").isFalse();
        long start = System.nanoTime();
        assertThat(sem.acquire(0.2)).isFalse();
        assertThat(Processes.elapsed(start)).isGreaterThanOrEqualTo(0.2);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> sem.acquire(true, -1))).isFalse();
        sem.release();
        assertThat(sem.acquire(true, -1)).as("a negative timeout still takes a free permit").isTrue();
    }

    @Test
    void atMostTwoOfFourProcessesAreInsideATwoPermitSemaphore() throws Exception {
        SharedSemaphore sem = newSemaphore(2);
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

    @Test
    void anInterruptedAcquireIsCancelled() throws Exception {
        SharedSemaphore sem = newSemaphore(0);
        Interrupts.assertInterruptedWaitIsCancelled(sem::acquire);
    }
}
