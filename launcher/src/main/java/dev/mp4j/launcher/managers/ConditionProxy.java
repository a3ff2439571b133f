package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.SharedCondition;
import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * A Condition (over its own RLock) held by a {@link Manager}'s server. Waiting or notifying without
 * holding the lock is refused, as in CPython.
 */
final class ConditionProxy implements SharedCondition, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    ConditionProxy(ProxyRef ref) {
        this.ref = ref;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.CONDITION, out);
    }

    static ConditionProxy readHandle(DataInput in) throws IOException {
        return new ConditionProxy(ProxyRef.read(in));
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return (Boolean) ref.call(ManagedCondition.Op.ACQUIRE, blocking, timeoutSeconds);
    }

    @Override
    public void release() {
        ref.callEvenIfInterrupted(ManagedCondition.Op.RELEASE);
    }

    @Override
    public boolean await(double timeoutSeconds) {
        return (Boolean) ref.call(ManagedCondition.Op.WAIT, timeoutSeconds);
    }

    @Override
    public void signal(int n) {
        ref.call(ManagedCondition.Op.NOTIFY, n);
    }

    @Override
    public void signalAll() {
        ref.call(ManagedCondition.Op.NOTIFY_ALL);
    }

    @Override
    public String toString() {
        return "<ConditionProxy " + ref + ">";
    }
}
