package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Timeouts;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code multiprocessing.Condition} over a shared {@link Lock} or {@link RLock} (an RLock by
 * default). Java names, because {@code Object.wait/notify/notifyAll} are final: Python's {@code wait}
 * is {@link #await}, {@code notify} is {@link #signal}, {@code notify_all} is {@link #signalAll},
 * {@code wait_for} is {@link #waitFor}.
 *
 * <p>The algorithm is CPython's: three semaphores count the sleepers, wake them, and let the notifier
 * wait until each woken sleeper has left, so a signal is never lost to a sleeper that timed out.
 */
public final class Condition implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SharedLock lock;
    private final Semaphore sleepingCount = new Semaphore(0);
    private final Semaphore wokenCount = new Semaphore(0);
    private final Semaphore waitSemaphore = new Semaphore(0);

    public Condition() {
        this(new RLock());
    }

    public Condition(SharedLock lock) {
        this.lock = java.util.Objects.requireNonNull(lock, "lock");
    }

    public SharedLock lock() {
        return lock;
    }

    public boolean acquire() {
        return lock.acquire();
    }

    public boolean acquire(boolean block) {
        return lock.acquire(block);
    }

    public boolean acquire(double timeoutSeconds) {
        return lock.acquire(timeoutSeconds);
    }

    public void release() {
        lock.release();
    }

    /** {@code with cond:} as try-with-resources. */
    public Held acquired() {
        return lock.acquired();
    }

    /** Releases the lock, waits for a signal, takes the lock back; true. */
    public boolean await() {
        return await(Timeouts.FOREVER);
    }

    /** As {@link #await()}, for at most {@code timeoutSeconds}; false on timeout. */
    public boolean await(double timeoutSeconds) {
        requireOwned("must acquire() condition before using wait()");
        sleepingCount.release();
        int depth = releaseAll();
        try {
            return waitSemaphore.acquire(true, timeoutSeconds);
        } finally {
            wokenCount.release();
            reacquire(depth);
        }
    }

    /** Waits until {@code predicate} is true or the timeout ends; returns the predicate. */
    public boolean waitFor(BooleanSupplier predicate, double timeoutSeconds) {
        long deadline = Timeouts.deadline(timeoutSeconds);
        boolean result = predicate.getAsBoolean();
        while (!result && Timeouts.remaining(deadline) > 0) {
            await(Timeouts.secondsLeft(deadline));
            result = predicate.getAsBoolean();
        }
        return result;
    }

    public boolean waitFor(BooleanSupplier predicate) {
        return waitFor(predicate, Timeouts.FOREVER);
    }

    /** Wakes one waiter. */
    public void signal() {
        signal(1);
    }

    /** Wakes up to {@code n} waiters (Python's {@code notify(n)}). */
    public void signal(int n) {
        requireOwned("lock is not owned");
        if (waitSemaphore.acquire(false)) {
            throw new IllegalStateException("notify: wait semaphore was not zero");
        }
        // sleepers that timed out since the last signal have left: forget them
        while (wokenCount.acquire(false)) {
            sleepingCount.acquire(false);
        }
        int sleepers = 0;
        while (sleepers < n && sleepingCount.acquire(false)) {
            waitSemaphore.release();
            sleepers++;
        }
        if (sleepers > 0) {
            for (int i = 0; i < sleepers; i++) {
                wokenCount.acquire();
            }
            // a sleeper may have timed out after being counted: take back its unused wake-up
            while (waitSemaphore.acquire(false)) {
                // drain
            }
        }
    }

    /** Wakes every waiter. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    private void requireOwned(String message) {
        boolean mine = switch (lock) {
            case Lock l -> l.isMine();
            case RLock r -> r.isMine();
        };
        if (!mine) {
            throw new IllegalMonitorStateException(message);
        }
    }

    private int releaseAll() {
        return switch (lock) {
            case Lock l -> {
                l.release();
                yield 1;
            }
            case RLock r -> r.releaseAll();
        };
    }

    private void reacquire(int depth) {
        switch (lock) {
            case Lock l -> l.acquire();
            case RLock r -> r.reacquire(depth);
        }
    }

    @Override
    public String toString() {
        return "<Condition(" + lock + ", " + (sleepingCount.getValue() - wokenCount.getValue()) + ")>";
    }
}
