package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Timeouts;
import java.io.Serial;
import java.io.Serializable;

/**
 * A Semaphore or BoundedSemaphore held by a {@link Manager}'s server. Releasing a bounded one above its
 * initial value throws {@code IllegalStateException("Semaphore released too many times")}.
 */
public final class SemaphoreProxy implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    SemaphoreProxy(ProxyRef ref) {
        this.ref = ref;
    }

    public boolean acquire() {
        return acquire(true, Timeouts.FOREVER);
    }

    /** Python's {@code acquire(blocking, timeout)}; a negative timeout is 0. */
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return (Boolean) ref.call(ManagedSemaphore.Op.ACQUIRE, blocking, timeoutSeconds);
    }

    public void release() {
        release(1);
    }

    public void release(int n) {
        ref.call(ManagedSemaphore.Op.RELEASE, n);
    }

    /** The current count. */
    public int value() {
        return (Integer) ref.call(ManagedSemaphore.Op.VALUE);
    }

    @Override
    public String toString() {
        return "<SemaphoreProxy " + ref + " value=" + value() + ">";
    }
}
