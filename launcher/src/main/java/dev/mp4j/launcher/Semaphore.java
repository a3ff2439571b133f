package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Backoff;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import dev.mp4j.launcher.internal.Timeouts;
import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code multiprocessing.Semaphore}: a counter in shared memory; {@code acquire} takes one
 * (waiting while it is 0), {@code release} gives one back. Permits are not owned, so a process that dies
 * holding one does not give it back (as in CPython); prefer {@link Lock} where a holder can die.
 */
public sealed class Semaphore implements Serializable permits BoundedSemaphore {

    @Serial
    private static final long serialVersionUID = 1L;
    static final long COUNT = 0;

    final SharedBlock block;

    /** A semaphore holding {@code value} permits. */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        block = SharedMemory.allocate(Long.BYTES);
        block.setLongVolatile(COUNT, value);
    }

    /** Python's default {@code Semaphore()}: one permit. */
    public Semaphore() {
        this(1);
    }

    public final boolean acquire() {
        return acquire(true, Timeouts.FOREVER);
    }

    public final boolean acquire(boolean block) {
        return acquire(block, Timeouts.FOREVER);
    }

    public final boolean acquire(double timeoutSeconds) {
        return acquire(true, timeoutSeconds);
    }

    /** Takes a permit; false if none came within the timeout (or at once, when not blocking). */
    public final boolean acquire(boolean blocking, double timeoutSeconds) {
        if (tryTake()) {
            return true;
        }
        if (!blocking || Timeouts.nanos(timeoutSeconds) == 0) {
            return false;
        }
        long deadline = Backoff.deadline(timeoutSeconds);
        Backoff backoff = new Backoff();
        while (backoff.pause(deadline)) {
            if (tryTake()) {
                return true;
            }
        }
        return tryTake();
    }

    private boolean tryTake() {
        for (long count = block.getLongVolatile(COUNT); count > 0; count = block.getLongVolatile(COUNT)) {
            if (block.casLong(COUNT, count, count - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives a permit back. */
    public void release() {
        block.getAndAddLong(COUNT, 1);
    }

    /** The permits available now (Python's {@code get_value()}). */
    public final int getValue() {
        return (int) block.getLongVolatile(COUNT);
    }

    /** Acquires (blocking) and returns a handle whose {@code close()} releases. */
    public final Held acquired() {
        acquire();
        return this::release;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + "(value=" + getValue() + ")>";
    }
}
