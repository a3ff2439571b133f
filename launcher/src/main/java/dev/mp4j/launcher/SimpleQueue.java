package dev.mp4j.launcher;

import java.io.Serial;
import java.io.Serializable;

/**
 * Python's {@code multiprocessing.SimpleQueue}: an unbounded queue with only {@code put}, {@code get},
 * {@code empty} and {@code close}. Same transport as {@link Queue}.
 *
 * @param <T> the type of the items
 */
public final class SimpleQueue<T> implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Queue<T> queue = new Queue<>();

    public void put(T item) {
        queue.put(item);
    }

    public T get() {
        return queue.get();
    }

    /** Whether the queue is empty; approximate, as in Python. */
    public boolean empty() {
        return queue.empty();
    }

    public void close() {
        queue.close();
    }
}
