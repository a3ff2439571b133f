package dev.mp4j.launcher.managers;

import java.io.Serial;
import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * A Condition (over its own RLock) held by a {@link Manager}'s server. Python's {@code wait},
 * {@code wait_for}, {@code notify(n)} and {@code notify_all} are {@link #await}, {@link #waitFor},
 * {@link #signal(int)} and {@link #signalAll} (Object's final wait/notify names are taken in Java).
 * Waiting or notifying without holding the lock is refused, as in CPython.
 */
public final class ConditionProxy implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    ConditionProxy(ProxyRef ref) {
        this.ref = ref;
    }

    public boolean acquire() {
        return acquire(true, -1);
    }

    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return (Boolean) ref.call(ManagedCondition.Op.ACQUIRE, blocking, timeoutSeconds);
    }

    public void release() {
        ref.call(ManagedCondition.Op.RELEASE);
    }

    /** Releases the lock, waits for a signal, re-acquires; false when the timeout passed first. */
    public boolean await(double timeoutSeconds) {
        return (Boolean) ref.call(ManagedCondition.Op.WAIT, timeoutSeconds);
    }

    public boolean await() {
        return await(-1);
    }

    /** Python's {@code wait_for}: waits until {@code predicate} (evaluated here, lock held) is true. */
    public boolean waitFor(BooleanSupplier predicate, double timeoutSeconds) {
        long deadline = timeoutSeconds < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeoutSeconds * 1e9);
        boolean result = predicate.getAsBoolean();
        while (!result) {
            double left = deadline == Long.MAX_VALUE ? -1 : (deadline - System.nanoTime()) / 1e9;
            if (deadline != Long.MAX_VALUE && left <= 0) {
                break;
            }
            await(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    public void signal() {
        signal(1);
    }

    public void signal(int n) {
        ref.call(ManagedCondition.Op.NOTIFY, n);
    }

    public void signalAll() {
        ref.call(ManagedCondition.Op.NOTIFY_ALL);
    }

    @Override
    public String toString() {
        return "<ConditionProxy " + ref + ">";
    }
}
