package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.Client;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.ConnectionClosedException;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Target;
import dev.mp4j.launcher.internal.ByteCursor;
import dev.mp4j.launcher.internal.Serialization;
import dev.mp4j.launcher.internal.ValueCodec;
import dev.mp4j.launcher.internal.ValueRun;
import dev.mp4j.launcher.timeline.Timeline;
import java.nio.ByteBuffer;

/**
 * The loop a pool worker runs in its child JVM (CPython's {@code pool.worker}): connect back to the pool,
 * say which worker it is, run the initializer, then receive a batch of tasks, run them in order and
 * send their results, until the pool says stop (an empty message), the connection ends, or
 * {@code maxTasks} tasks are done (then the worker exits and the pool starts a fresh one).
 *
 * <p>Results of quick tasks are sent together; a result is sent at once when a millisecond or more has
 * passed since the last send, so a slow task's callback never waits for the rest of its batch.
 *
 * <p>Frames: hello = the worker number (4 bytes); a batch = count, then per task its number and its
 * {@link PoolJob} (read by {@link JobReader}); a reply = count, the nanoseconds the tasks took, then per
 * task its number, ok flag, length and the value (a chunk's results as {@link ValueRun}, another
 * value as {@link ValueCodec} writes it; a failure as a serialized {@link PoolFailure}).
 */
final class PoolWorker {

    private static final long FLUSH_NANOS = 1_000_000;

    private PoolWorker() {
    }

    static void serve(Address pool, int number, Target initializer, int maxTasks) {
        try (Connection connection = Client.connect(pool)) {
            connection.sendBytes(ByteBuffer.allocate(4).putInt(number).array());
            Throwable initializerFailure = runInitializer(initializer);
            JobReader jobs = new JobReader();
            long done = 0;
            while (maxTasks <= 0 || done < maxTasks) {
                byte[] batch;
                try {
                    batch = connection.recvBytes();
                } catch (ConnectionClosedException poolGone) {
                    return;
                }
                if (batch.length == 0) {
                    return;
                }
                done += runBatch(batch, jobs, connection, initializerFailure);
            }
        }
    }

    private static Throwable runInitializer(Target initializer) {
        if (initializer == null) {
            return null;
        }
        try {
            initializer.run();
            return null;
        } catch (Throwable failure) {
            // Every task this worker receives fails with it: no endless restarts, no hang.
            return new IllegalStateException("the pool's initializer failed in "
                    + Multiprocessing.currentProcess().name() + ": " + failure, failure);
        }
    }

    private static int runBatch(byte[] batch, JobReader jobs, Connection connection, Throwable initializerFailure) {
        ByteCursor in = new ByteCursor(batch, 0);
        int count = in.getInt();
        if (Timeline.RECORDING) Timeline.begin(Timeline.lane(), describe(batch, count), "pool");
        Reply reply = new Reply();
        long sinceFlush = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long id = in.getLong();
            reply.add(id, jobs.read(in), initializerFailure);
            long now = System.nanoTime();
            if (now - sinceFlush >= FLUSH_NANOS) {
                reply.send(connection, now - sinceFlush);
                sinceFlush = now;
            }
        }
        reply.send(connection, System.nanoTime() - sinceFlush);
        if (Timeline.RECORDING) Timeline.end(Timeline.lane(), "pool", null, null);
        return count;
    }

    /** A batch in a timeline: one task by its number; quick tasks, batched, as one span. */
    private static String describe(byte[] batch, int count) {
        if (count == 0) {
            return "no task";
        }
        long first = ByteBuffer.wrap(batch).getLong(Integer.BYTES);
        return count == 1 ? "task " + first : count + " tasks from " + first;
    }

    private static Object run(Object job) throws Exception {
        if (job instanceof Pool.Call<?> call) {
            return call.call();
        }
        if (job instanceof java.util.concurrent.Callable<?> callable) { // ProcessPoolExecutor's tasks
            return callable.call();
        }
        if (job instanceof Runnable runnable) {
            runnable.run();
            return null;
        }
        throw new IllegalArgumentException("not a pool job: " + job.getClass().getName());
    }

    /** Results waiting to be sent, encoded as they are produced. */
    private static final class Reply {
        private static final int HEADER = Integer.BYTES + Long.BYTES; // count, nanoseconds
        private ByteCursor out;
        private int count;

        Reply() {
            reset();
        }

        void add(long id, JobReader.Received job, Throwable initializerFailure) {
            byte[] value;
            boolean ok;
            try {
                if (initializerFailure != null) {
                    throw initializerFailure;
                }
                Object task = JobReader.toRun(job);
                value = task instanceof PoolChunk chunk
                        ? ValueRun.encode(chunk.run(), "the results of task " + id)
                        : ValueRun.encode(new Object[] {run(task)}, "the result of task " + id);
                ok = true;
            } catch (Throwable failure) {
                value = Serialization.toBytes(PoolFailure.of(failure), "a failure");
                ok = false;
            }
            Thread.interrupted(); // a task's leftover interrupt must not break the worker's next receive
            out.putLong(id).put((byte) (ok ? 1 : 0)).putInt(value.length).put(value);
            count++;
        }

        void send(Connection connection, long nanos) {
            if (count == 0) {
                return;
            }
            int end = out.position();
            out.position(0);
            out.putInt(count).putLong(nanos);
            out.position(end);
            connection.sendBytes(out.written());
            reset();
        }

        private void reset() {
            out = ByteCursor.writing(256);
            out.position(HEADER); // filled in by send
            count = 0;
        }
    }
}
