package dev.mp4j.launcher;

import java.io.Serializable;

/**
 * Python's event protocol, whoever holds the flag: {@link Event} in shared memory, or a {@code Manager}'s.
 * Python's {@code wait} is {@link #await} ({@code Object.wait()} is final in Java).
 */
public interface SharedEvent extends Serializable {

    boolean isSet();

    /** Sets the flag; every waiter returns. */
    void set();

    void clear();

    /** Waits at most {@code timeoutSeconds} (negative: 0); returns whether the flag is set. */
    boolean await(double timeoutSeconds);

    /** Waits until the flag is set; returns true. */
    default boolean await() {
        return await(Double.POSITIVE_INFINITY);
    }
}
