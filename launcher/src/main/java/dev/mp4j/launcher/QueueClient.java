package dev.mp4j.launcher;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A queue seen from a process that does not own it: connections to the owner's {@link IpcBroker}, one
 * per concurrent caller (kept for reuse), so a thread blocked in {@code get} never holds up another
 * thread's {@code put}. Every copy of one queue's handle in this JVM shares one client.
 *
 * <p>Puts into an unbounded queue are streamed on one dedicated connection without waiting for an
 * answer (the owner cannot refuse them), which keeps this process's puts in order and costs one write
 * each. Before anything that could observe them ({@code get}, {@code qsize}, {@code join}, closing the
 * handle, and this JVM's exit) the client waits for the owner to have stored them: a process sees its
 * own puts, and a child's last items are in the queue before its parent's {@code join()} returns.
 */
final class QueueClient {

    private static final Map<Long, QueueClient> clients = new ConcurrentHashMap<>();
    private static final Thread exitFlush = new Thread(QueueClient::syncAll, "mp4j-queue-flush");

    static {
        Runtime.getRuntime().addShutdownHook(exitFlush);
    }

    private final long id;
    private final Address owner;
    private final String what;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final ReentrantLock streamLock = new ReentrantLock();
    private Connection stream;
    private volatile int unsynced;

    private QueueClient(long id, Address owner) {
        this.id = id;
        this.owner = owner;
        this.what = "the queue";
    }

    static QueueClient of(long id, Address owner) {
        return clients.computeIfAbsent(id, key -> new QueueClient(key, owner));
    }

    /** Streams an item into an unbounded queue: no round trip. */
    void putAsync(byte[] item) {
        streamLock.lock();
        try {
            if (stream == null) {
                stream = open();
            }
            try {
                stream.sendBytes(QueueSession.request(QueueSession.PUT_ASYNC, true, -1, item));
            } catch (RuntimeException e) {
                stream.close();
                stream = null;
                throw translate(e);
            }
            unsynced++;
        } finally {
            streamLock.unlock();
        }
    }

    /** Waits until the owner has stored every item this process streamed. */
    void sync() {
        if (unsynced == 0) {
            return;
        }
        streamLock.lock();
        try {
            if (unsynced == 0 || stream == null) {
                return;
            }
            try {
                stream.sendBytes(QueueSession.request(QueueSession.SYNC, false, 0, null));
                stream.recvBytes();
            } catch (RuntimeException e) {
                stream.close();
                stream = null;
                throw translate(e);
            }
            unsynced = 0;
        } finally {
            streamLock.unlock();
        }
    }

    /** A put that waits for the owner's answer: true if put, false if the queue was full. */
    boolean put(byte[] item, boolean block, long timeoutNanos) {
        sync();
        return call(QueueSession.request(QueueSession.PUT, block, timeoutNanos, item))[0] == QueueSession.OK;
    }

    /** The item's bytes, or null if none came within the wait. */
    byte[] get(boolean block, long timeoutNanos) {
        sync();
        byte[] reply = call(QueueSession.request(QueueSession.GET, block, timeoutNanos, null));
        return reply[0] == QueueSession.OK ? Arrays.copyOfRange(reply, 1, reply.length) : null;
    }

    int qsize() {
        sync();
        return ByteBuffer.wrap(call(QueueSession.request(QueueSession.QSIZE, false, 0, null)), 1, 4).getInt();
    }

    void taskDone() {
        sync();
        call(QueueSession.request(QueueSession.TASK_DONE, false, 0, null));
    }

    void join() {
        sync();
        call(QueueSession.request(QueueSession.JOIN, true, -1, null));
    }

    private byte[] call(byte[] request) {
        Connection connection = idle.pollFirst();
        if (connection == null) {
            connection = open();
        }
        byte[] reply;
        try {
            connection.sendBytes(request);
            reply = connection.recvBytes();
        } catch (RuntimeException e) {
            // interrupted or failed mid-request: the owner sees this connection close and undoes its half
            connection.close();
            throw translate(e);
        }
        idle.addFirst(connection);
        if (reply[0] == QueueSession.ERROR) {
            throw new IllegalStateException(new String(reply, 1, reply.length - 1, StandardCharsets.UTF_8));
        }
        return reply;
    }

    private Connection open() {
        return IpcBroker.connect(owner, IpcBroker.QUEUE, id, 0, what).connection();
    }

    private RuntimeException translate(RuntimeException e) {
        if (e instanceof ConnectionClosedException) {
            return IpcBroker.ownerGone(what, e);
        }
        return e;
    }

    private static void syncAll() {
        for (QueueClient client : clients.values()) {
            try {
                client.sync();
            } catch (RuntimeException ignored) {
                // the owner is gone: nothing left to flush to
            }
        }
    }
}
