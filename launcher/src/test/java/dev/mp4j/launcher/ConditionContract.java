package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SharedCondition}, after CPython's _TestCondition (notify, notify_all, notify(n),
 * timeouts and wait_for, with waiters in child JVMs and threads): run against the launcher's Condition
 * over its RLock, over a Lock and over a manager's RLock, and a manager's Condition.
 */
abstract class ConditionContract {

    abstract SharedCondition newCondition();

    /** A waiter: counts itself sleeping, waits (with a timeout or not), counts itself woken. */
    private static void sleeper(SharedCondition cond, Semaphore sleeping, Semaphore woken, double timeout) {
        try (Held held = cond.acquired()) {
            sleeping.release();
            cond.await(timeout);
            woken.release();
        }
    }

    private static void awaitCount(Semaphore sem, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sem.getValue() == expected);
    }

    @Test
    void notifyWakesOneAtATime() throws Exception {
        SharedCondition cond = newCondition();
        Semaphore sleeping = new Semaphore(0);
        Semaphore woken = new Semaphore(0);
        ChildProcess child = Processes.start(() -> sleeper(cond, sleeping, woken, Double.POSITIVE_INFINITY));
        Thread thread = Thread.ofPlatform().start(() -> sleeper(cond, sleeping, woken, Double.POSITIVE_INFINITY));
        awaitCount(sleeping, 2);
        assertThat(woken.getValue()).isZero();

        try (Held held = cond.acquired()) {
            cond.signal();
        }
        awaitCount(woken, 1);
        try (Held held = cond.acquired()) {
            cond.signal();
        }
        awaitCount(woken, 2);
        assertThat(woken.getValue()).isEqualTo(2);
        Processes.joinOk(child);
        thread.join();
    }

    @Test
    void notifyAllAfterTimedOutWaitersWakesEveryoneStillWaiting() throws Exception {
        SharedCondition cond = newCondition();
        Semaphore sleeping = new Semaphore(0);
        Semaphore woken = new Semaphore(0);
        // two processes and a thread time out without a notify
        List<ChildProcess> children = Processes.start(2, () -> sleeper(cond, sleeping, woken, 0.1));
        Thread timedOut = Thread.ofPlatform().start(() -> sleeper(cond, sleeping, woken, 0.1));
        Processes.joinOk(children);
        timedOut.join();
        assertThat(woken.getValue()).isEqualTo(3);

        Semaphore sleeping2 = new Semaphore(0);
        Semaphore woken2 = new Semaphore(0);
        List<ChildProcess> waiters = Processes.start(2, () -> sleeper(cond, sleeping2, woken2, Double.POSITIVE_INFINITY));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(Thread.ofPlatform().start(() -> sleeper(cond, sleeping2, woken2, Double.POSITIVE_INFINITY)));
        }
        awaitCount(sleeping2, 4);
        assertThat(woken2.getValue()).isZero();
        try (Held held = cond.acquired()) {
            cond.signalAll();
        }
        awaitCount(woken2, 4);
        Processes.joinOk(waiters);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void notifyNWakesN() throws Exception {
        SharedCondition cond = newCondition();
        Semaphore sleeping = new Semaphore(0);
        Semaphore woken = new Semaphore(0);
        List<ChildProcess> children = Processes.start(2, () -> sleeper(cond, sleeping, woken, Double.POSITIVE_INFINITY));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(Thread.ofPlatform().start(() -> sleeper(cond, sleeping, woken, Double.POSITIVE_INFINITY)));
        }
        awaitCount(sleeping, 4);
        try (Held held = cond.acquired()) {
            cond.signal(2);
        }
        awaitCount(woken, 2);
        try (Held held = cond.acquired()) {
            cond.signal(5); // more than are left: wakes the remaining two
        }
        awaitCount(woken, 4);
        Processes.joinOk(children);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void waitTimesOutWithFalse() {
        SharedCondition cond = newCondition();
        try (Held held = cond.acquired()) {
            long start = System.nanoTime();
            assertThat(cond.await(0.1)).isFalse();
            assertThat(Processes.elapsed(start)).isGreaterThanOrEqualTo(0.1);
            assertThat(cond.await(-1)).as("a negative timeout is 0").isFalse();
        }
    }

    @Test
    void waitAndNotifyNeedTheLock() {
        SharedCondition cond = newCondition();
        assertThatThrownBy(cond::await).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(cond::signal).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(cond::signalAll).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void waitForAPredicateOnSharedState() throws Exception {
        SharedCondition cond = newCondition();
        Value state = new Value('i', 0);
        Value result = Value.raw('i', 0);
        ChildProcess child = Processes.start(() -> {
            try (Held held = cond.acquired()) {
                boolean ok = cond.waitFor(() -> state.getInt() == 4, 30);
                result.setInt(ok && state.getInt() == 4 ? 1 : -1);
            }
        });
        for (int i = 0; i < 4; i++) {
            Thread.sleep(10);
            try (Held held = cond.acquired()) {
                state.setInt(state.getInt() + 1);
                cond.signal();
            }
        }
        Processes.joinOk(child);
        assertThat(result.getInt()).isEqualTo(1);
    }

    @Test
    void waitForTimesOutWhenThePredicateStaysFalse() throws Exception {
        SharedCondition cond = newCondition();
        Value state = new Value('i', 0);
        Value result = Value.raw('d', -1.0);
        ChildProcess child = Processes.start(() -> {
            try (Held held = cond.acquired()) {
                long start = System.nanoTime();
                boolean ok = cond.waitFor(() -> state.getInt() == 4, 0.1);
                result.setDouble(ok ? -2.0 : (System.nanoTime() - start) / 1e9);
            }
        });
        for (int i = 0; i < 3; i++) {
            try (Held held = cond.acquired()) {
                state.setInt(state.getInt() + 1);
                cond.signal();
            }
        }
        Processes.joinOk(child);
        assertThat(result.getDouble()).isGreaterThanOrEqualTo(0.1);
    }

    @Test
    void anInterruptedAwaitIsCancelledAndLeavesTheLockHeld() throws Exception {
        SharedCondition cond = newCondition();
        Interrupts.assertInterruptedWaitIsCancelled(() -> {
            try (Held held = cond.acquired()) {
                cond.await();
            }
        });
        assertThat(cond.acquire(20)).as("the interrupted waiter gave the lock back").isTrue();
        cond.release();
    }
}
