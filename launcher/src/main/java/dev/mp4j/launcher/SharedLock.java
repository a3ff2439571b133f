package dev.mp4j.launcher;

import java.io.Serializable;

/**
 * What {@link Lock} and {@link RLock} share: Python's lock protocol, usable from every process that
 * holds the object (capture it in a target, or send it). Timeouts are in seconds, as in CPython's
 * {@code multiprocessing}: negative is 0 (try once), the overloads without one (or
 * {@code Double.POSITIVE_INFINITY}) are {@code None}, forever.
 */
public sealed interface SharedLock extends Serializable permits Lock, RLock {

    /** Blocks until held; always true. */
    boolean acquire();

    /** {@code acquire(false)} tries once and returns false while another holds the lock. */
    boolean acquire(boolean block);

    /** Waits at most {@code timeoutSeconds}; false if the lock was not obtained. */
    boolean acquire(double timeoutSeconds);

    /** Python's {@code acquire(block, timeout)}: the timeout only counts when {@code block} is true. */
    boolean acquire(boolean block, double timeoutSeconds);

    void release();

    /** Acquires (blocking) and returns a handle whose {@code close()} releases: {@code try (var h = lock.acquired())}. */
    default Held acquired() {
        acquire();
        return this::release;
    }
}
