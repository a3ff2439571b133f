package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.SharedSemaphore;
import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * A Semaphore or BoundedSemaphore held by a {@link Manager}'s server. Releasing a bounded one above its
 * initial value throws {@code IllegalStateException("Semaphore released too many times")}.
 */
final class SemaphoreProxy implements SharedSemaphore, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    SemaphoreProxy(ProxyRef ref) {
        this.ref = ref;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.SEMAPHORE, out);
    }

    static SemaphoreProxy readHandle(DataInput in) throws IOException {
        return new SemaphoreProxy(ProxyRef.read(in));
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return (Boolean) ref.call(ManagedSemaphore.Op.ACQUIRE, blocking, timeoutSeconds);
    }

    @Override
    public void release() {
        ref.callEvenIfInterrupted(ManagedSemaphore.Op.RELEASE, 1);
    }

    @Override
    public int getValue() {
        return (Integer) ref.call(ManagedSemaphore.Op.VALUE);
    }

    @Override
    public String toString() {
        return "<SemaphoreProxy " + ref + " value=" + getValue() + ">";
    }
}
