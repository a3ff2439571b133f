package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SharedLock}, after CPython's _TestLock, run against every lock: the
 * launcher's Lock and RLock in shared memory and a manager's Lock and RLock.
 */
abstract class LockContract {

    abstract SharedLock newLock();

    abstract boolean reentrant();

    /** Holds {@code lock} in another thread until the returned latch is counted down. */
    private static CountDownLatch holdInAnotherThread(SharedLock lock) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            lock.acquire();
            held.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.release();
            }
        });
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        return letGo;
    }

    private static <T> T inAnotherThread(java.util.function.Supplier<T> action) throws Exception {
        return CompletableFuture.supplyAsync(action, r -> Thread.ofPlatform().start(r)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anotherThreadCannotTakeItWhileHeldAndCanOnceReleased() throws Exception {
        SharedLock lock = newLock();
        assertThat(lock.acquire()).isTrue();
        assertThat(lock.isOwned()).isTrue();
        assertThat(inAnotherThread(() -> lock.acquire(false))).isFalse();
        assertThat(inAnotherThread(lock::isOwned)).isFalse();
        lock.release();
        assertThat(lock.isOwned()).isFalse();
        assertThat(inAnotherThread(() -> {
            boolean got = lock.acquire(false);
            lock.release();
            return got;
        })).isTrue();
    }

    @Test
    void releasingALockThisThreadDoesNotHoldIsRefused() {
        SharedLock lock = newLock();
        assertThatThrownBy(lock::release).isInstanceOf(reentrant() ? IllegalMonitorStateException.class : IllegalStateException.class);
    }

    @Test
    void aTimedAcquireGivesUpAfterAtLeastItsTimeoutAndANegativeOneTriesOnce() throws Exception {
        SharedLock lock = newLock();
        CountDownLatch letGo = holdInAnotherThread(lock);
        long start = System.nanoTime();
        assertThat(lock.acquire(0.2)).isFalse();
        assertThat(Processes.elapsed(start)).isGreaterThanOrEqualTo(0.2);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> lock.acquire(true, -1))).isFalse();
        letGo.countDown();
        assertThat(lock.acquire(20)).isTrue();
        lock.release();
    }

    @Test
    void reentrantOnlyWhereCPythonsIs() throws Exception {
        SharedLock lock = newLock();
        lock.acquire();
        if (reentrant()) {
            assertThat(lock.acquire(false)).isTrue();
            assertThat(lock.acquire(false)).isTrue();
            lock.release();
            lock.release();
            assertThat(inAnotherThread(() -> lock.acquire(false))).as("still held once").isFalse();
        } else {
            assertThat(lock.acquire(false)).isFalse();
        }
        lock.release();
        assertThat(lock.isOwned()).isFalse();
    }

    @Test
    void theContextFormReleases() {
        SharedLock lock = newLock();
        try (Held held = lock.acquired()) {
            assertThat(lock.isOwned()).isTrue();
        }
        assertThat(lock.isOwned()).isFalse();
    }

    @Test
    void aLockHeldInAChildProcessKeepsTheParentOut() throws Exception {
        SharedLock lock = newLock();
        Event held = new Event();
        Event letGo = new Event();
        ChildProcess child = Processes.start(() -> {
            lock.acquire();
            held.set();
            letGo.await(30);
            lock.release();
        });
        assertThat(held.await(30)).isTrue();
        assertThat(lock.acquire(false)).isFalse();
        letGo.set();
        assertThat(lock.acquire(30)).isTrue();
        lock.release();
        Processes.joinOk(child);
    }

    @Test
    void itGuardsAConditionAndAValue() throws Exception {
        SharedLock lock = newLock();
        Condition cond = new Condition(lock);
        Event waiting = new Event();
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try (Held held = cond.acquired()) {
                waiting.set();
                return cond.await(30);
            }
        }, r -> Thread.ofPlatform().start(r));
        assertThat(waiting.await(30)).isTrue();
        try (Held held = cond.acquired()) { // free only once the waiter is inside await
            cond.signal();
        }
        assertThat(woken.get(30, TimeUnit.SECONDS)).isTrue();

        Value value = new Value('i', 1, lock);
        value.set(5);
        assertThat(value.get()).isEqualTo(5);
        assertThat(value.getLock()).isSameAs(lock);
        assertThat(lock.isOwned()).isFalse();
    }

    @Test
    void anInterruptedAcquireIsCancelledAndNeverGrantedLater() throws Exception {
        SharedLock lock = newLock();
        CountDownLatch letGo = holdInAnotherThread(lock);
        Interrupts.assertInterruptedWaitIsCancelled(lock::acquire);
        letGo.countDown();
        boolean takenAfterwards = inAnotherThread(() -> {
            boolean got = lock.acquire(true, 20);
            if (got) {
                lock.release();
            }
            return got;
        });
        assertThat(takenAfterwards).as("the cancelled caller was not handed the lock once it was free").isTrue();
    }
}
