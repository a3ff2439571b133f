package dev.mp4j.launcher.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool's queue of tasks and its scheduling: which state the pool is in (running, closed,
 * terminated, or broken because no worker can start), how many tasks an idle or busy worker takes, and
 * how long a task takes on average, which sizes those batches.
 */
final class WorkQueue {

    private enum State { RUN, CLOSE, TERMINATE }

    /** A batch holds about this much work, once tasks are known to be quick: one message per few ms. */
    private static final double BATCH_NANOS = 5e6;
    private static final int MAX_BATCH = 1000;
    private static final long QUICK_NANOS = 2_000_000;

    private final int processes;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition workAvailable = lock.newCondition();
    private final ArrayDeque<PoolTask> queue = new ArrayDeque<>();
    private final AtomicLong taskNumbers = new AtomicLong();
    private volatile State state = State.RUN; // written under lock; read without it only by checkRunning
    private String broken;           // guarded by lock: why no worker can start
    private volatile double taskNanos = Double.NaN; // recent time per task; unknown at first

    WorkQueue(int processes) {
        this.processes = processes;
    }

    /** The number of the next task, for error messages and for matching a worker's answers. */
    long nextTaskId() {
        return taskNumbers.incrementAndGet();
    }

    /** Fails fast, before a task is encoded; {@link #enqueue} checks again under the lock. */
    void checkRunning() {
        if (state != State.RUN) {
            throw new IllegalStateException("Pool not running");
        }
    }

    /** Queues one task; a broken pool fails it at once with the reason it is broken. */
    void enqueue(PoolTask task) {
        String reason;
        lock.lock();
        try {
            if (state != State.RUN) {
                throw new IllegalStateException("Pool not running");
            }
            reason = broken;
            if (reason == null) {
                queue.add(task);
                workAvailable.signal();
            }
        } finally {
            lock.unlock();
        }
        if (reason != null) {
            task.outcome.settle(null, new IllegalStateException(reason));
        }
    }

    /** Queues {@code tasks}; a broken pool fails them at once with the reason it is broken. */
    void enqueue(List<PoolTask> tasks) {
        List<PoolTask> refused = null;
        String reason;
        lock.lock();
        try {
            if (state != State.RUN) {
                throw new IllegalStateException("Pool not running");
            }
            reason = broken;
            if (reason == null) {
                queue.addAll(tasks);
                workAvailable.signal();
            } else {
                refused = tasks;
            }
        } finally {
            lock.unlock();
        }
        if (refused != null) {
            for (PoolTask task : refused) {
                task.outcome.settle(null, new IllegalStateException(reason));
            }
        }
    }

    /** Removes {@code task} if it is still waiting; true when it was (so no worker will ever run it). */
    boolean withdraw(PoolTask task) {
        lock.lock();
        try {
            return queue.removeFirstOccurrence(task);
        } finally {
            lock.unlock();
        }
    }

    /** Python's {@code close()}: no more work; workers stop once the queue is empty. */
    void close() {
        lock.lock();
        try {
            if (state == State.RUN) {
                state = State.CLOSE;
                workAvailable.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Python's {@code terminate()}: no more work, and the queued tasks are returned for the caller to fail. */
    List<PoolTask> terminate() {
        lock.lock();
        try {
            state = State.TERMINATE;
            List<PoolTask> dropped = new ArrayList<>(queue);
            queue.clear();
            workAvailable.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** For {@code join()}, which waits for workers that only stop after close or terminate. */
    void requireStopped() {
        lock.lock();
        try {
            if (state == State.RUN) {
                throw new IllegalStateException("Pool is still running");
            }
        } finally {
            lock.unlock();
        }
    }

    /** No worker can start: every waiting and future task fails with {@code reason} rather than hang. */
    void brokenStart(String reason) {
        List<PoolTask> dropped;
        lock.lock();
        try {
            broken = reason;
            dropped = new ArrayList<>(queue);
            queue.clear();
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        for (PoolTask task : dropped) {
            task.outcome.settle(null, new IllegalStateException(reason));
        }
    }

    /** Why no worker can start, or null while workers start. */
    String brokenReason() {
        lock.lock();
        try {
            return broken;
        } finally {
            lock.unlock();
        }
    }

    /** A slot wants a (new) worker while the pool runs, or while it is closed with work still queued. */
    boolean wantsWorker() {
        lock.lock();
        try {
            return broken == null && (state == State.RUN || state == State.CLOSE && !queue.isEmpty());
        } finally {
            lock.unlock();
        }
    }

    boolean terminating() {
        lock.lock();
        try {
            return state == State.TERMINATE;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code quota} tasks for an idle worker, waiting for work; null when the worker should stop.
     * Until tasks are known to be quick a worker takes one at a time, as in CPython, so a long task never
     * holds others back while a worker is free; quick tasks go in batches of a few milliseconds' work,
     * at most a fair share of the queue.
     */
    List<PoolTask> takeBatch(int quota) {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (state != State.RUN || broken != null) {
                    return null;
                }
                workAvailable.awaitUninterruptibly();
            }
            if (state == State.TERMINATE) {
                return null;
            }
            double perTask = taskNanos;
            int byTime = Double.isNaN(perTask) ? 1 : (int) Math.min(MAX_BATCH, Math.max(1, BATCH_NANOS / Math.max(1, perTask)));
            int fairShare = (queue.size() + processes - 1) / processes;
            int size = Math.min(Math.min(byTime, fairShare), quota);
            List<PoolTask> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(queue.poll());
            }
            if (!queue.isEmpty()) {
                workAvailable.signal();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A batch to send ahead to a busy worker, without waiting: only while tasks are known to take under
     * {@value #QUICK_NANOS} ns (long tasks go one at a time to whichever worker is free) and only as many
     * as fit in {@code maxBytes}. Null when there is nothing to send ahead.
     */
    List<PoolTask> takeQuickBatch(int quota, int maxBytes) {
        double perTask = taskNanos;
        if (Double.isNaN(perTask) || perTask > QUICK_NANOS) {
            return null;
        }
        lock.lock();
        try {
            if (queue.isEmpty() || state == State.TERMINATE || broken != null) {
                return null;
            }
            int byTime = (int) Math.min(MAX_BATCH, Math.max(1, BATCH_NANOS / Math.max(1, perTask)));
            int fairShare = (queue.size() + processes - 1) / processes;
            int size = Math.min(Math.min(byTime, fairShare), quota);
            List<PoolTask> batch = new ArrayList<>(size);
            int bytes = 0;
            while (batch.size() < size && !queue.isEmpty() && bytes + queue.peek().job.size() <= maxBytes) {
                PoolTask task = queue.poll();
                bytes += task.job.size();
                batch.add(task);
            }
            return batch.isEmpty() ? null : batch;
        } finally {
            lock.unlock();
        }
    }

    /** Folds a worker's report ({@code nanos} for {@code count} tasks) into the time-per-task estimate. */
    void observe(long nanos, int count) {
        if (count == 0) {
            return;
        }
        double perTask = (double) nanos / count;
        double previous = taskNanos;
        taskNanos = Double.isNaN(previous) ? perTask : 0.7 * previous + 0.3 * perTask;
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "state=" + state + " queued=" + queue.size();
        } finally {
            lock.unlock();
        }
    }
}
