package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Timeouts;
import java.util.concurrent.TimeUnit;

/** The managed objects' waits, on the launcher's one timeout rule ({@link Timeouts}). */
final class Deadlines {

    static final long FOREVER = Timeouts.NO_DEADLINE;

    private Deadlines() {
    }

    static long nanos(double timeoutSeconds) {
        return Timeouts.nanos(timeoutSeconds);
    }

    static long deadline(double timeoutSeconds) {
        return Timeouts.deadline(timeoutSeconds);
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
