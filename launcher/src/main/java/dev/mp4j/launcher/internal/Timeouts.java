package dev.mp4j.launcher.internal;

import java.util.concurrent.CancellationException;

/**
 * The one timeout rule and the one interrupt rule of every blocking call in the launcher.
 *
 * <p>Timeouts are CPython's {@code multiprocessing} rule: seconds as a double; a negative timeout is 0
 * (the call tries once and gives up at once, as a {@code SemLock} and {@code select} do); CPython's
 * {@code None} is the overload without a timeout, or {@link #FOREVER} ({@code Double.POSITIVE_INFINITY}).
 * NaN is refused, where CPython raises for a non-number.
 *
 * <p>An interrupted wait ends with {@link CancellationException} (unchecked, so a call site needs no
 * catch), the {@code InterruptedException} as its cause and the thread's interrupt flag set again.
 */
public final class Timeouts {

    /** CPython's {@code timeout=None}: no limit. */
    public static final double FOREVER = Double.POSITIVE_INFINITY;
    /** A deadline or a number of nanoseconds that never comes. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private Timeouts() {
    }

    /** {@code seconds} as nanoseconds: negative is 0, infinite (or beyond ~292 years) is {@link #NO_DEADLINE}. */
    public static long nanos(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("timeout must be a number of seconds, was NaN");
        }
        if (seconds <= 0) {
            return 0;
        }
        if (seconds >= NO_DEADLINE / 1e9) {
            return NO_DEADLINE;
        }
        return (long) (seconds * 1e9);
    }

    /** The {@link System#nanoTime()} at which a wait of {@code seconds} ends, or {@link #NO_DEADLINE}. */
    public static long deadline(double seconds) {
        long nanos = nanos(seconds);
        return nanos == NO_DEADLINE ? NO_DEADLINE : System.nanoTime() + nanos;
    }

    /** Nanoseconds left before {@code deadline}: 0 once it has passed, {@link #NO_DEADLINE} for none. */
    public static long remaining(long deadline) {
        return deadline == NO_DEADLINE ? NO_DEADLINE : Math.max(0, deadline - System.nanoTime());
    }

    /** Seconds left before {@code deadline}, for passing on to another timed call. */
    public static double secondsLeft(long deadline) {
        return deadline == NO_DEADLINE ? FOREVER : remaining(deadline) / 1e9;
    }

    /** The exception for a wait on {@code what} ended by {@code cause}; sets the interrupt flag again. */
    public static CancellationException interrupted(InterruptedException cause, String what) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException("interrupted while waiting on " + what);
        cancelled.initCause(cause);
        return cancelled;
    }

    /** For a wait that noticed the flag itself (a poll loop, a selector): the flag stays set. */
    public static CancellationException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new CancellationException("interrupted while waiting on " + what);
    }

    /** Throws {@link #interrupted(String)} when the current thread has been interrupted. */
    public static void checkInterrupt(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(what);
        }
    }
}
