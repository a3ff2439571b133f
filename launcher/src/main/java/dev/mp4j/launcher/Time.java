package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Timeouts;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Python's {@code time.sleep} and {@code time.time}, with one twist: sleeps follow a time scale.
 *
 * <p>The examples keep the articles' durations ({@code Time.sleep(2)}) when a person runs them. Tests
 * set the system property {@value #SCALE_PROPERTY} (Surefire sets 0.05), so the same code sleeps 0.1 s
 * while ratios such as "2 s in parallel against 4 s in sequence" still hold. Child JVMs started by the
 * launcher inherit the scale of the process that started them.
 */
public final class Time {

    /** System property holding the factor applied to every {@link #sleep(double)}; default 1. */
    public static final String SCALE_PROPERTY = "mp4j.timeScale";

    private Time() {
    }

    /** The current factor; read on every call so a test may change it between runs. */
    public static double scale() {
        String value = System.getProperty(SCALE_PROPERTY);
        if (value == null || value.isBlank()) {
            return 1.0;
        }
        try {
            double scale = Double.parseDouble(value.trim());
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(SCALE_PROPERTY + " must be a positive number, was '" + value + "'");
    }

    /** The article's {@code seconds} as a duration on the current scale. */
    public static Duration scaled(double seconds) {
        if (seconds < 0 || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("sleep length must be a non-negative number, was " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * scale() * 1_000_000_000L));
    }

    /**
     * Sleeps the article's {@code seconds}, scaled. An interrupt ends the sleep with
     * {@link CancellationException} and keeps the flag set, as every wait of the launcher does.
     */
    public static void sleep(double seconds) {
        try {
            Thread.sleep(scaled(seconds));
        } catch (InterruptedException e) {
            throw Timeouts.interrupted(e, "a sleep");
        }
    }

    /** Seconds since the epoch, like Python's {@code time.time()}. */
    public static double time() {
        return System.nanoTime() / 1e9 + EPOCH_OFFSET;
    }

    private static final double EPOCH_OFFSET = System.currentTimeMillis() / 1e3 - System.nanoTime() / 1e9;
}
