package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Timeouts;
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
        return acquire(true, Timeouts.FOREVER);
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
        return await(Timeouts.FOREVER);
    }

    /** Python's {@code wait_for}: waits until {@code predicate} (evaluated here, lock held) is true. */
    public boolean waitFor(BooleanSupplier predicate, double timeoutSeconds) {
        long deadline = Timeouts.deadline(timeoutSeconds);
        boolean result = predicate.getAsBoolean();
        while (!result && Timeouts.remaining(deadline) > 0) {
            await(Timeouts.secondsLeft(deadline));
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
