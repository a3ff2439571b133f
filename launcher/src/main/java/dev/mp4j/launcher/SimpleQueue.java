package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.StreamCorruptedException;

/**
 * Python's {@code multiprocessing.SimpleQueue}: an unbounded queue with only {@code put}, {@code get},
 * {@code empty} and {@code close}. Same transport as {@link Queue}.
 *
 * @param <T> the type of the items
 */
public final class SimpleQueue<T> implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Queue<T> queue;

    public SimpleQueue() {
        this(new Queue<>());
    }

    private SimpleQueue(Queue<T> queue) {
        this.queue = queue;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.SIMPLE_QUEUE);
        queue.writeHandle(out);
    }

    static SimpleQueue<?> readHandle(DataInput in) throws IOException {
        Queue<?> queue = HandleCodec.readField(in, Queue.class);
        if (queue == null) {
            throw new StreamCorruptedException("a SimpleQueue without its queue");
        }
        return new SimpleQueue<>(queue);
    }

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
