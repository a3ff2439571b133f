package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Timeouts;
import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * Python's condition protocol, whoever holds it: {@link Condition} (shared memory, over any
 * {@link SharedLock}) or a {@code Manager}'s. Java names, because {@code Object.wait/notify/notifyAll}
 * are final: Python's {@code wait} is {@link #await}, {@code notify} is {@link #signal},
 * {@code notify_all} is {@link #signalAll}, {@code wait_for} is {@link #waitFor}. Waiting or signalling
 * without holding the lock raises {@link IllegalMonitorStateException}.
 */
public interface SharedCondition extends Serializable {

    boolean acquire(boolean block, double timeoutSeconds);

    void release();

    /** Releases the lock, waits for a signal, takes the lock back; false when the timeout passed first. */
    boolean await(double timeoutSeconds);

    /** Wakes up to {@code n} waiters (Python's {@code notify(n)}). */
    void signal(int n);

    default boolean acquire() {
        return acquire(true, Double.POSITIVE_INFINITY);
    }

    default boolean acquire(boolean block) {
        return acquire(block, Double.POSITIVE_INFINITY);
    }

    default boolean acquire(double timeoutSeconds) {
        return acquire(true, timeoutSeconds);
    }

    /** {@code with cond:} as try-with-resources. */
    default Held acquired() {
        acquire();
        return this::release;
    }

    default boolean await() {
        return await(Double.POSITIVE_INFINITY);
    }

    /** Waits until {@code predicate} (evaluated here, lock held) is true or the timeout ends; returns the predicate. */
    default boolean waitFor(BooleanSupplier predicate, double timeoutSeconds) {
        long deadline = Timeouts.deadline(timeoutSeconds);
        boolean result = predicate.getAsBoolean();
        while (!result && Timeouts.remaining(deadline) > 0) {
            await(Timeouts.secondsLeft(deadline));
            result = predicate.getAsBoolean();
        }
        return result;
    }

    default boolean waitFor(BooleanSupplier predicate) {
        return waitFor(predicate, Double.POSITIVE_INFINITY);
    }

    /** Wakes one waiter. */
    default void signal() {
        signal(1);
    }

    /** Wakes every waiter. */
    default void signalAll() {
        signal(Integer.MAX_VALUE);
    }
}
