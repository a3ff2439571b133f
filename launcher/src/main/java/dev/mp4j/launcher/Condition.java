package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.StreamCorruptedException;
import java.util.Objects;

/**
 * Python's {@code multiprocessing.Condition} over any {@link SharedLock} — a shared-memory {@link Lock} or
 * {@link RLock} (an RLock by default), or a manager's lock. The names and the rules are
 * {@link SharedCondition}'s.
 *
 * <p>The algorithm is CPython's: three semaphores count the sleepers, wake them, and let the notifier
 * wait until each woken sleeper has left, so a signal is never lost to a sleeper that timed out. A wait
 * lets go of every level of a re-entrant lock and takes them all back afterwards.
 */
public final class Condition implements SharedCondition, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SharedLock lock;
    private final Semaphore sleepingCount;
    private final Semaphore wokenCount;
    private final Semaphore waitSemaphore;

    public Condition() {
        this(new RLock());
    }

    public Condition(SharedLock lock) {
        this(Objects.requireNonNull(lock, "lock"), new Semaphore(0), new Semaphore(0), new Semaphore(0));
    }

    private Condition(SharedLock lock, Semaphore sleepingCount, Semaphore wokenCount, Semaphore waitSemaphore) {
        this.lock = lock;
        this.sleepingCount = sleepingCount;
        this.wokenCount = wokenCount;
        this.waitSemaphore = waitSemaphore;
    }

    /** Only when its lock writes itself too: a user's own lock travels in an object stream. */
    @Override
    public boolean writesItself() {
        return HandleCodec.writesItself(lock);
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.CONDITION);
        ((Handle) lock).writeHandle(out);
        sleepingCount.writeHandle(out);
        wokenCount.writeHandle(out);
        waitSemaphore.writeHandle(out);
    }

    static Condition readHandle(DataInput in) throws IOException {
        SharedLock lock = HandleCodec.readField(in, SharedLock.class);
        if (lock == null) {
            throw new StreamCorruptedException("a Condition without its lock");
        }
        return new Condition(lock, HandleCodec.readField(in, Semaphore.class), HandleCodec.readField(in, Semaphore.class),
                HandleCodec.readField(in, Semaphore.class));
    }

    public SharedLock lock() {
        return lock;
    }

    @Override
    public boolean acquire(boolean block, double timeoutSeconds) {
        return lock.acquire(block, timeoutSeconds);
    }

    @Override
    public void release() {
        lock.release();
    }

    @Override
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

    @Override
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

    private void requireOwned(String message) {
        if (!lock.isOwned()) {
            throw new IllegalMonitorStateException(message);
        }
    }

    /**
     * Takes the lock back at {@code depth} levels after a wait, even when the wait ended by an interrupt
     * (the flag is put aside meanwhile, as the JDK's conditions do): the caller's {@code finally} expects
     * to hold the lock.
     */
    private void reacquire(int depth) {
        boolean interrupted = Thread.interrupted();
        try {
            for (int level = 0; level < depth; level++) {
                lock.acquire();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets go of every level this thread holds; returns how many there were. */
    private int releaseAll() {
        int depth = 0;
        do {
            lock.release();
            depth++;
        } while (lock.isOwned());
        return depth;
    }

    @Override
    public String toString() {
        return "<Condition(" + lock + ", " + (sleepingCount.getValue() - wokenCount.getValue()) + ")>";
    }
}
