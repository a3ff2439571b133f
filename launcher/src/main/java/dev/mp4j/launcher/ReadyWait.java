package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Backoff;
import dev.mp4j.launcher.internal.Timeouts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link Connection#wait(Collection, double)}: a connection's end may live in memory (a pipe end used in
 * its owner) or behind a socket, and a process's end is seen through its {@link Process}, so no one
 * selector covers them all. The wait checks each object in turn and backs off between rounds as a lock
 * does ({@link Backoff}): at once while something is about to be ready, within about a millisecond later.
 */
final class ReadyWait {

    private ReadyWait() {
    }

    static <T> List<T> await(Collection<T> objects, double timeoutSeconds) {
        List<T> waitable = new ArrayList<>(objects.size());
        for (T object : objects) {
            waitable.add(checked(object));
        }
        long deadline = Timeouts.deadline(timeoutSeconds);
        Backoff backoff = new Backoff();
        List<T> ready;
        do {
            ready = ready(waitable);
        } while (ready.isEmpty() && backoff.pause(deadline));
        return ready.isEmpty() ? ready(waitable) : ready;
    }

    private static <T> List<T> ready(List<T> objects) {
        List<T> ready = new ArrayList<>();
        for (T object : objects) {
            boolean isReady = switch (object) {
                case Connection connection -> connection.poll();
                case ChildProcess process -> !process.isAlive();
                default -> throw new AssertionError(object);
            };
            if (isReady) {
                ready.add(object);
            }
        }
        return ready;
    }

    private static <T> T checked(T object) {
        switch (object) {
            case null -> throw new NullPointerException("wait() was given a null object");
            case Connection connection -> {
                if (connection.closed()) {
                    throw new IllegalStateException("handle is closed");
                }
                if (!connection.readable()) {
                    throw new IllegalStateException("connection is write-only");
                }
            }
            case ChildProcess process -> {
                if (process.pid() == null) {
                    throw new IllegalStateException("can only wait for a started process");
                }
            }
            default -> throw new IllegalArgumentException("wait() takes connections and started processes, not "
                    + object.getClass().getName());
        }
        return object;
    }
}
