package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.internal.ByteCursor;
import dev.mp4j.launcher.internal.Serialization;
import dev.mp4j.launcher.internal.ValueRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One place in the pool, served by one thread in the parent for the pool's whole life: it starts a
 * worker, hands it a batch of tasks, collects their results, and starts a replacement when the worker
 * has done its {@code maxtasksperchild} or has died.
 *
 * <p>Because the slot knows exactly which tasks its worker holds, a worker's death fails those tasks at
 * once (the connection reaches end-of-file the moment the process is gone) instead of leaving their
 * results waiting forever, which is CPython's bpo-22393.
 */
final class PoolSlot {

    private static final long CONNECT_CHECK_MILLIS = 50;
    private static final int MAX_START_FAILURES = 3;
    private static final byte[] STOP = new byte[0];
    /** A batch sent ahead fits in the socket's buffer, so sending it never waits on a busy worker. */
    static final int PREFETCH_BYTES = 64 * 1024;

    private final WorkQueue queue;
    private final WorkerLauncher launcher;
    private final int maxTasksPerChild;
    private final Runnable firstWorkerSettled;
    private final Thread thread;
    private volatile ChildProcess worker;
    private volatile Connection connection;
    private List<PoolTask> held = List.of();
    private DefinitionCache<Boolean> sent; // what the current worker keeps
    private int next;
    private boolean firstWorker = true;

    /** {@code firstWorkerSettled} runs once, when the first worker has connected or never will. */
    PoolSlot(WorkQueue queue, WorkerLauncher launcher, int maxTasksPerChild, Runnable firstWorkerSettled, int index) {
        this.queue = queue;
        this.launcher = launcher;
        this.maxTasksPerChild = maxTasksPerChild;
        this.firstWorkerSettled = firstWorkerSettled;
        this.thread = Thread.ofPlatform().daemon().name("mp4j-pool-slot-" + index).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    boolean joinThread(long millis) throws InterruptedException {
        return thread.join(java.time.Duration.ofMillis(Math.max(1, millis)));
    }

    ChildProcess worker() {
        return worker;
    }

    /**
     * For terminate(): stops the current worker now, "without any cleanup" as seed 001 puts it: SIGKILL,
     * because a JVM's SIGTERM runs shutdown hooks first, and a pool worker has nothing to clean up. The
     * slot thread then sees end-of-file.
     */
    void stopWorker() {
        ChildProcess current = worker;
        if (current != null && current.isAlive()) {
            current.kill();
        }
        Connection open = connection;
        if (open != null) {
            open.close();
        }
    }

    private void run() {
        try {
            runWorkers();
        } finally {
            if (firstWorker) {
                firstWorkerSettled.run(); // the first worker never came: the pool's constructor must not wait
            }
        }
    }

    private void runWorkers() {
        int startFailures = 0;
        while (queue.wantsWorker()) {
            CompletableFuture<Connection> connected = new CompletableFuture<>();
            ChildProcess child;
            try {
                child = launcher.start(connected);
            } catch (RuntimeException e) {
                queue.brokenStart("cannot start a pool worker: " + e.getMessage());
                return;
            }
            worker = child;
            Connection conn = awaitConnection(child, connected);
            if (conn == null) {
                if (queue.wantsWorker() && ++startFailures >= MAX_START_FAILURES) {
                    queue.brokenStart("pool workers keep dying before they connect (last: " + child.name()
                            + " exitcode " + child.exitcode() + ")");
                    return;
                }
                continue;
            }
            startFailures = 0;
            connection = conn;
            if (firstWorker) {
                firstWorker = false;
                firstWorkerSettled.run();
            }
            if (!serve(child, conn)) {
                return;
            }
        }
    }

    private Connection awaitConnection(ChildProcess child, CompletableFuture<Connection> connected) {
        while (true) {
            try {
                return connected.get(CONNECT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (!child.isAlive() || queue.terminating()) {
                    connected.cancel(false);
                    if (child.isAlive()) {
                        child.kill();
                    }
                    return connected.isCancelled() ? null : connected.getNow(null);
                }
            } catch (InterruptedException | ExecutionException | CancellationException e) {
                return null;
            }
        }
    }

    /**
     * Feeds the worker until the pool stops (false) or the worker retires or dies (true: replace it).
     * While tasks are quick, the next small batch is sent before the current one's results are back,
     * so the worker finds it waiting instead of idling for this thread's wake-up.
     */
    private boolean serve(ChildProcess child, Connection conn) {
        int quota = maxTasksPerChild > 0 ? maxTasksPerChild : Integer.MAX_VALUE;
        sent = new DefinitionCache<>(); // a new worker has none yet
        while (true) {
            List<PoolTask> batch = queue.takeBatch(quota);
            if (batch == null) {
                stop(child, conn);
                return false;
            }
            held = new ArrayList<>(batch);
            next = 0;
            quota -= batch.size();
            int lastBatchStart = 0;
            try {
                conn.sendBytes(encode(batch));
                while (next < held.size()) {
                    if (next >= lastBatchStart && quota > 0) {
                        List<PoolTask> ahead = queue.takeQuickBatch(quota, PREFETCH_BYTES);
                        if (ahead != null) {
                            lastBatchStart = held.size();
                            held.addAll(ahead);
                            quota -= ahead.size();
                            conn.sendBytes(encode(ahead));
                        }
                    }
                    receive(conn.recvBytes(), child);
                }
            } catch (RuntimeException connectionLost) {
                lost(child, conn);
                return true;
            }
            held = List.of();
            if (quota == 0) {
                conn.close(); // the worker exits by itself after its last task
                return true;
            }
        }
    }

    /** A batch as {@code PoolWorker} reads it; a definition goes with the first task that needs it. */
    private byte[] encode(List<PoolTask> batch) {
        int size = Integer.BYTES;
        boolean[] define = new boolean[batch.size()];
        for (int i = 0; i < define.length; i++) {
            PoolJob job = batch.get(i).job;
            size += Long.BYTES + 1 + Integer.BYTES + job.body.length;
            if (job.definition != null) {
                size += Long.BYTES + Integer.BYTES;
                if (!sent.contains(job.definition.id())) {
                    sent.put(job.definition.id(), Boolean.TRUE);
                    define[i] = true;
                    size += job.definition.bytes().length;
                }
            }
        }
        ByteCursor out = ByteCursor.writing(size).putInt(batch.size());
        for (int i = 0; i < define.length; i++) {
            PoolTask task = batch.get(i);
            PoolJob job = task.job;
            out.putLong(task.id).put(job.kind);
            if (job.definition != null) {
                out.putLong(job.definition.id());
                if (define[i]) {
                    out.putInt(job.definition.bytes().length).put(job.definition.bytes());
                } else {
                    out.putInt(-1); // the worker has it
                }
            }
            out.putInt(job.body.length).put(job.body);
        }
        return out.written();
    }

    private void receive(byte[] reply, ChildProcess child) {
        ByteCursor in = new ByteCursor(reply, 0);
        int count = in.getInt();
        queue.observe(in.getLong(), count);
        for (int i = 0; i < count; i++) {
            long id = in.getLong();
            boolean ok = in.get() != 0;
            int length = in.getInt();
            PoolTask task = held.get(next++);
            if (task.id != id) {
                throw new IllegalStateException("pool worker answered task " + id + " instead of " + task.id);
            }
            settle(task, ok, reply, in.position(), length, child);
            in.position(in.position() + length);
        }
    }

    /** Settles {@code task} with the value at {@code bytes[offset..offset+length)}. */
    private static void settle(PoolTask task, boolean ok, byte[] bytes, int offset, int length, ChildProcess child) {
        Object value;
        try {
            if (!ok) {
                value = Serialization.fromBytes(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            } else {
                Object[] values = ValueRun.decode(bytes, offset, length);
                value = task.job.isChunk() ? values : values[0];
            }
        } catch (Exception | LinkageError unreadable) {
            task.outcome.settle(null, new IllegalStateException("the result of task " + task.id
                    + " could not be read: " + unreadable.getMessage(), unreadable));
            return;
        }
        if (ok) {
            task.outcome.settle(value, null);
        } else {
            task.outcome.settle(null, ((PoolFailure) value).toException(describe(child)));
        }
    }

    /** The worker's connection ended while it held tasks: it died (or the pool is terminating). */
    private void lost(ChildProcess child, Connection conn) {
        conn.close();
        Integer exitcode = exitcodeOf(child);
        boolean terminating = queue.terminating();
        for (int i = next; i < held.size(); i++) {
            PoolTask task = held.get(i);
            Throwable failure;
            if (terminating) {
                failure = new CancellationException("the pool was terminated while task " + task.id + " was in "
                        + describe(child));
            } else {
                failure = new WorkerDiedException("worker " + describe(child) + " died with exitcode " + exitcode
                        + (i == next ? " while running task " : " before running task ") + task.id);
            }
            task.outcome.settle(null, failure);
        }
        held = List.of();
    }

    private static Integer exitcodeOf(ChildProcess child) {
        try {
            child.join(2.0);
            if (child.isAlive()) {
                child.kill(); // its connection is gone: whatever it is doing, it can no longer report it
                child.join(2.0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return child.exitcode();
    }

    private void stop(ChildProcess child, Connection conn) {
        try {
            conn.sendBytes(STOP);
        } catch (RuntimeException alreadyGone) {
            // it exits anyway
        }
        conn.close();
    }

    static String describe(ChildProcess child) {
        return child.name() + " (pid " + child.pid() + ")";
    }
}
