package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Timeouts;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A Lock or RLock held by a {@link Manager}'s server, as a {@link java.util.concurrent.locks.Lock}. The
 * owner is the calling (process, thread). As in CPython, releasing a Lock nobody holds throws
 * {@code IllegalStateException("release unlocked lock")}; an RLock is re-entrant and only its owner may
 * release it ({@code "cannot release un-acquired lock"}); a plain Lock is not re-entrant.
 */
public final class LockProxy implements Lock, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;
    private final boolean recursive;

    LockProxy(ProxyRef ref, boolean recursive) {
        this.ref = ref;
        this.recursive = recursive;
    }

    /** Blocks until acquired. */
    public boolean acquire() {
        return acquire(true, Timeouts.FOREVER);
    }

    public boolean acquire(boolean blocking) {
        return acquire(blocking, Timeouts.FOREVER);
    }

    /** Python's {@code acquire(blocking, timeout)}; a negative timeout is 0. */
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return (Boolean) ref.call(ManagedLock.Op.ACQUIRE, blocking, timeoutSeconds);
    }

    public void release() {
        ref.call(ManagedLock.Op.RELEASE);
    }

    /** Whether anyone holds it. */
    public boolean locked() {
        return (Boolean) ref.call(ManagedLock.Op.LOCKED);
    }

    public boolean isRecursive() {
        return recursive;
    }

    @Override
    public void lock() {
        acquire();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        acquire();
    }

    @Override
    public boolean tryLock() {
        return acquire(false);
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) {
        return acquire(true, unit.toNanos(time) / 1e9);
    }

    @Override
    public void unlock() {
        release();
    }

    /** Use {@code manager.condition()} for a condition shared between processes. */
    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("use manager.condition() for a shared condition");
    }

    @Override
    public String toString() {
        return "<" + (recursive ? "RLock" : "Lock") + "Proxy " + ref + ">";
    }
}
