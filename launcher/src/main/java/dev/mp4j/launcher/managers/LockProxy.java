package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.SharedLock;
import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * A Lock or RLock held by a {@link Manager}'s server, as a {@link SharedLock}: the owner is the calling
 * (process, thread). As in CPython, releasing a Lock nobody holds raises
 * {@code IllegalStateException("release unlocked lock")}; an RLock is re-entrant and only its owner may
 * release it ({@code IllegalMonitorStateException("cannot release un-acquired lock")}); a plain Lock is
 * not re-entrant.
 */
final class LockProxy implements SharedLock, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;
    private final boolean recursive;

    LockProxy(ProxyRef ref, boolean recursive) {
        this.ref = ref;
        this.recursive = recursive;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.LOCK, out);
        out.writeBoolean(recursive);
    }

    static LockProxy readHandle(DataInput in) throws IOException {
        return new LockProxy(ProxyRef.read(in), in.readBoolean());
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return (Boolean) ref.call(ManagedLock.Op.ACQUIRE, blocking, timeoutSeconds);
    }

    @Override
    public void release() {
        ref.callEvenIfInterrupted(ManagedLock.Op.RELEASE);
    }

    @Override
    public boolean isOwned() {
        return (Boolean) ref.call(ManagedLock.Op.OWNED);
    }

    @Override
    public String toString() {
        return "<" + (recursive ? "RLock" : "Lock") + "Proxy " + ref + ">";
    }
}
