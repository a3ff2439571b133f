package dev.mp4j.launcher.managers;

import java.util.concurrent.TimeUnit;

/** Timeouts of the managed objects' waits, as CPython takes them: seconds, negative meaning forever. */
final class Deadlines {

    static final long FOREVER = Long.MAX_VALUE;

    private Deadlines() {
    }

    static long nanos(double timeoutSeconds) {
        return timeoutSeconds < 0 ? FOREVER : (long) (timeoutSeconds * 1e9);
    }

    static long deadline(double timeoutSeconds) {
        return timeoutSeconds < 0 ? FOREVER : System.nanoTime() + nanos(timeoutSeconds);
    }

    /** Waits on {@code monitor} (held) until {@code deadline}; false once it has passed. */
    static boolean waitUntil(Object monitor, long deadline) throws InterruptedException {
        if (deadline == FOREVER) {
            monitor.wait();
            return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
        return true;
    }
}
