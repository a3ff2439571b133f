package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manager client's write-behind calls: Python's {@code d[k] = v} has no result, so the caller need
 * not wait for it. Each thread buffers such calls in its own pipeline, on a connection of its own, and
 * the thread's next synchronous call drains it first, so the thread always sees its own writes.
 */
final class WriteBehind {

    /** Requests buffered per thread before they are written out as one BATCH frame. */
    private static final int BATCH_BYTES = 16 * 1024;
    private static final ThreadLocal<Pipeline> pipelines = new ThreadLocal<>();
    private static final Set<Pipeline> unacknowledged = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WriteBehind::drainAllAtExit, "mp4j-manager-flush"));
    }

    private WriteBehind() {
    }

    /**
     * Buffers a call whose result the caller does not need and returns at once. Buffered calls go out as
     * one BATCH frame (the server applies them in order and answers nothing unless asked); the thread's
     * next synchronous call first writes them and asks the server, with one SYNC round trip, whether all
     * succeeded, so that call sees every earlier write of the thread applied, and a failure among them is
     * thrown there. Also flushed every {@value #BATCH_BYTES} bytes and at exit.
     */
    static void send(ManagerClient.Endpoint endpoint, long id, String method, Object... args) {
        Pipeline pipeline = pipelines.get();
        if (pipeline != null && !pipeline.endpoint.equals(endpoint)) {
            drainPending();
            pipeline = null;
        }
        if (pipeline == null) {
            pipeline = new Pipeline(endpoint, ManagerClient.take(endpoint, ManagerClient.pool(endpoint)));
            pipelines.set(pipeline);
            unacknowledged.add(pipeline);
        }
        pipeline.add(id, method, args);
    }

    /** Writes this thread's buffered calls and waits until they are applied; throws the first failure. */
    static void drainPending() {
        Pipeline pipeline = pipelines.get();
        if (pipeline != null) {
            pipelines.remove();
            pipeline.drain();
        }
    }

    private static void drainAllAtExit() {
        for (Pipeline pipeline : unacknowledged) {
            try {
                pipeline.drain();
            } catch (RuntimeException e) {
                System.err.println("a manager write sent before exit failed: " + e);
            }
        }
    }

    private static final class Pipeline {
        final ManagerClient.Endpoint endpoint;
        private final Connection connection;
        private final ManagerCodec.Out batch = new ManagerCodec.Out().writeByte(ManagerCodec.BATCH);
        private final ManagerCodec.Out request = new ManagerCodec.Out();
        private boolean drained;

        Pipeline(ManagerClient.Endpoint endpoint, Connection connection) {
            this.endpoint = endpoint;
            this.connection = connection;
        }

        synchronized void add(long id, String method, Object[] args) {
            request.size = 0;
            request.writeLong(id).writeLong(ManagerClient.PROCESS_TOKEN).writeLong(Thread.currentThread().threadId()).writeString(method);
            ManagerCodec.writeValues(request, args);
            batch.writeInt(request.size);
            batch.writeRaw(request.buf, request.size);
            if (batch.size >= BATCH_BYTES) {
                flush();
            }
        }

        private void flush() {
            if (batch.size <= 1) {
                return;
            }
            try {
                connection.sendBytes(batch.buf, 0, batch.size);
            } catch (RuntimeException e) {
                drained = true;
                unacknowledged.remove(this);
                connection.close();
                throw ManagerClient.gone(endpoint, e);
            } finally {
                batch.size = 1;
            }
        }

        synchronized void drain() {
            if (drained) {
                return;
            }
            unacknowledged.remove(this);
            flush();
            drained = true;
            byte[] reply;
            try {
                connection.sendBytes(new byte[] {ManagerCodec.SYNC});
                reply = connection.recvBytes();
            } catch (RuntimeException e) {
                connection.close();
                throw ManagerClient.gone(endpoint, e);
            }
            ManagerClient.pool(endpoint).addLast(connection);
            ManagerCodec.In in = new ManagerCodec.In(reply);
            if (in.readByte() != ManagerCodec.OK) {
                throw ManagerClient.rethrowable(endpoint, in.readString(), in.readString(), in.readString(), in.readBytes());
            }
        }
    }
}
