package dev.mp4j.launcher;

import java.io.Serializable;

/**
 * Python's lock protocol, whoever holds the lock: {@link Lock} and {@link RLock} in shared memory, or a
 * {@code Manager}'s lock. Usable from every process that holds the object (capture it in a target, or
 * send it), and wherever a lock is taken: {@link Condition}, {@link Value}, {@link Array}.
 *
 * <p>Timeouts are in seconds, as in CPython's {@code multiprocessing}: negative is 0 (try once), the
 * overloads without one (or {@code Double.POSITIVE_INFINITY}) are {@code None}, forever. An interrupted
 * wait raises {@link java.util.concurrent.CancellationException}. Releasing a lock nobody holds raises
 * {@link IllegalStateException}; releasing an RLock held by another thread raises
 * {@link IllegalMonitorStateException}.
 */
public interface SharedLock extends Serializable {

    /** Python's {@code acquire(block, timeout)}: the timeout only counts when {@code block} is true. */
    boolean acquire(boolean block, double timeoutSeconds);

    void release();

    /** Whether the calling thread of this process holds the lock (CPython's {@code _is_owned}). */
    boolean isOwned();

    /** Blocks until held; always true. */
    default boolean acquire() {
        return acquire(true, Double.POSITIVE_INFINITY);
    }

    /** {@code acquire(false)} tries once and returns false while another holds the lock. */
    default boolean acquire(boolean block) {
        return acquire(block, Double.POSITIVE_INFINITY);
    }

    /** Waits at most {@code timeoutSeconds}; false if the lock was not obtained. */
    default boolean acquire(double timeoutSeconds) {
        return acquire(true, timeoutSeconds);
    }

    /** Acquires (blocking) and returns a handle whose {@code close()} releases: {@code try (var h = lock.acquired())}. */
    default Held acquired() {
        acquire();
        return this::release;
    }
}
