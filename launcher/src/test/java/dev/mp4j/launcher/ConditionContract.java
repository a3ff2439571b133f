package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CPython's _TestCondition: notify, notify_all, notify(n), timeouts and wait_for, with waiters in child JVMs and threads. */
class ConditionTest {

    /** A waiter: counts itself sleeping, waits (with a timeout or not), counts itself woken. */
    private static void sleeper(Condition cond, Semaphore sleeping, Semaphore woken, double timeout) {
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
        Condition cond = new Condition();
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
        Condition cond = new Condition();
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
        Condition cond = new Condition();
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
        Condition cond = new Condition();
        try (Held held = cond.acquired()) {
            long start = System.nanoTime();
            assertThat(cond.await(0.1)).isFalse();
            assertThat(Processes.elapsed(start)).isBetween(0.09, 5.0);
        }
    }

    @Test
    void waitAndNotifyNeedTheLock() {
        Condition cond = new Condition(new Lock());
        assertThatThrownBy(cond::await).isInstanceOf(IllegalMonitorStateException.class)
                .hasMessage("must acquire() condition before using wait()");
        assertThatThrownBy(cond::signal).isInstanceOf(IllegalMonitorStateException.class)
                .hasMessage("lock is not owned");
    }

    @Test
    void waitForAPredicateOnSharedState() throws Exception {
        Condition cond = new Condition();
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
        Condition cond = new Condition();
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
        assertThat(result.getDouble()).isBetween(0.09, 5.0);
    }
}
