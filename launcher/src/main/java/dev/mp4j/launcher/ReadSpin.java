package dev.mp4j.launcher;

/**
 * How long a {@link SocketConnection} keeps reading before it sleeps on its selector. Waking a sleeping
 * reader goes through the kernel's scheduler, which on an idle machine costs tens of microseconds per
 * wake-up, far more than the reply it waits for takes to come. So a receive first reads without
 * sleeping for a window that follows what the reads find: a frame found while reading keeps the
 * window wide (twice the wait it took, at least), a window that ran out halves it, and once under
 * {@value #MIN_NANOS} ns reading stops, to be tried again every {@value #PROBE_EVERY}th receive. Where
 * the other side is slow or the cores are busy, the window closes within a few receives, so a spinning
 * reader does not keep the core from the process it waits for.
 */
final class ReadSpin {

    static final long MAX_NANOS = 50_000;
    static final long MIN_NANOS = 2_000;
    static final int PROBE_EVERY = 32;

    private long windowNanos = MAX_NANOS / 2;
    private int receivesSinceClosed;

    /** The time to read before sleeping for this receive; 0: sleep at once. */
    long windowNanos() {
        if (windowNanos > 0) {
            return windowNanos;
        }
        if (++receivesSinceClosed < PROBE_EVERY) {
            return 0;
        }
        receivesSinceClosed = 0;
        return MAX_NANOS / 2;
    }

    /** Reading found a frame after {@code waitedNanos}. */
    void found(long waitedNanos) {
        windowNanos = Math.min(MAX_NANOS, Math.max(Math.max(windowNanos, MIN_NANOS), 2 * waitedNanos));
    }

    /** The window ran out with nothing read. */
    void ranOut() {
        windowNanos = windowNanos / 2 < MIN_NANOS ? 0 : windowNanos / 2;
    }
}
