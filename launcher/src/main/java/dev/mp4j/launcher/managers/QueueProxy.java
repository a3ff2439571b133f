package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Empty;
import dev.mp4j.launcher.Full;
import dev.mp4j.launcher.SharedQueue;
import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.Timeouts;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;

/**
 * A Queue or JoinableQueue held by a {@link Manager}'s server (Python's {@code queue.Queue} behind a
 * proxy). {@code get(block, timeout)} throws {@link Empty}, a bounded {@code put} throws {@link Full};
 * on a JoinableQueue every {@link #put} counts a task until {@link #taskDone()}, and {@link #join()}
 * waits for all of them (one taskDone too many: {@code "task_done() called too many times"}).
 */
public final class QueueProxy<E> implements SharedQueue<E>, Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;
    private final boolean joinable;

    QueueProxy(ProxyRef ref, boolean joinable) {
        this.ref = ref;
        this.joinable = joinable;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.QUEUE, out);
        out.writeBoolean(joinable);
    }

    static QueueProxy<?> readHandle(DataInput in) throws IOException {
        return new QueueProxy<>(ProxyRef.read(in), in.readBoolean());
    }

    @Override
    public void put(E item) {
        put(item, true, Timeouts.FOREVER);
    }

    /** Negative timeout: 0; not blocking: {@link Full} at once when full. */
    @Override
    public void put(E item, boolean block, double timeoutSeconds) {
        ref.call(ManagedQueue.Op.PUT, item, block, timeoutSeconds);
    }

    @Override
    public void putNowait(E item) {
        put(item, false, Timeouts.FOREVER);
    }

    @Override
    public E get() {
        return get(true, Timeouts.FOREVER);
    }

    @SuppressWarnings("unchecked")
    @Override
    public E get(boolean block, double timeoutSeconds) {
        return (E) ref.call(ManagedQueue.Op.GET, block, timeoutSeconds);
    }

    @Override
    public E getNowait() {
        return get(false, Timeouts.FOREVER);
    }

    @Override
    public int qsize() {
        return (Integer) ref.call(ManagedQueue.Op.QSIZE);
    }

    @Override
    public boolean empty() {
        return (Boolean) ref.call(ManagedQueue.Op.EMPTY);
    }

    @Override
    public boolean full() {
        return (Boolean) ref.call(ManagedQueue.Op.FULL);
    }

    public void taskDone() {
        ref.call(ManagedQueue.Op.TASK_DONE);
    }

    /** Waits until every item put has been marked done. */
    public void join() {
        ref.call(ManagedQueue.Op.JOIN);
    }

    public boolean isJoinable() {
        return joinable;
    }

    @Override
    public String toString() {
        return "<" + (joinable ? "JoinableQueue" : "Queue") + "Proxy " + ref + ">";
    }
}
