package dev.mp4j.launcher;

/**
 * A lock held by the current thread until {@link #close()}: Python's {@code with lock:} as
 * try-with-resources.
 *
 * <pre>{@code
 * try (var held = lock.acquired()) {
 *     counter.set(counter.getInt() + 1);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Held extends AutoCloseable {

    /** Releases what {@code acquired()} took. */
    @Override
    void close();
}
