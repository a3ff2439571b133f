package dev.mp4j.launcher;

import java.io.Serializable;

/**
 * Python's semaphore protocol, whoever holds the count: {@link Semaphore} and {@link BoundedSemaphore} in
 * shared memory, or a {@code Manager}'s. Timeouts and interrupts as for {@link SharedLock}; releasing a
 * bounded semaphore past its initial value raises {@link IllegalStateException}.
 */
public interface SharedSemaphore extends Serializable {

    /** Takes a permit; false if none came within the timeout (or at once, when not blocking). */
    boolean acquire(boolean block, double timeoutSeconds);

    /** Gives a permit back. */
    void release();

    /** The permits available now (Python's {@code get_value()}). */
    int getValue();

    default boolean acquire() {
        return acquire(true, Double.POSITIVE_INFINITY);
    }

    default boolean acquire(boolean block) {
        return acquire(block, Double.POSITIVE_INFINITY);
    }

    default boolean acquire(double timeoutSeconds) {
        return acquire(true, timeoutSeconds);
    }

    /** Acquires (blocking) and returns a handle whose {@code close()} releases. */
    default Held acquired() {
        acquire();
        return this::release;
    }
}
