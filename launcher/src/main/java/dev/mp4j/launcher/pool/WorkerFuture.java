package dev.mp4j.launcher.pool;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The future of one {@link ProcessPoolExecutor} task: a {@link CompletableFuture} completed with what the
 * worker sent back, and the task's place in the pool's queue. Cancelling a task that no worker has taken
 * removes it from the queue, so it never runs; a task a worker already runs goes on there, and its
 * result is dropped. As a {@link RunnableFuture} ({@code shutdownNow()} returns these), {@link #run()}
 * runs the task in this JVM, but only if no worker ever took it.
 */
final class WorkerFuture<T> extends CompletableFuture<T> implements RunnableFuture<T>, PoolTask.Outcome {

    private final Callable<T> task;
    private final boolean runnable;
    private final T runnableResult;
    private final Pool pool;
    private final Executor completions;
    private final AtomicBoolean handedBack = new AtomicBoolean();
    private volatile PoolTask queued;

    /** A future for {@code task}, a Callable. */
    static <T> WorkerFuture<T> of(Callable<T> task, Pool pool) {
        return new WorkerFuture<>(task, false, null, pool);
    }

    /** A future for a Runnable, completed with {@code result} once it has run (the worker sends back null). */
    static <T> WorkerFuture<T> of(Runnable task, T result, Pool pool) {
        return new WorkerFuture<>(java.util.concurrent.Executors.callable(task, result), true, result, pool);
    }

    private WorkerFuture(Callable<T> task, boolean runnable, T runnableResult, Pool pool) {
        this.task = task;
        this.runnable = runnable;
        this.runnableResult = runnableResult;
        this.pool = pool;
        this.completions = pool.resultHandler();
    }

    void queuedAs(PoolTask poolTask) {
        this.queued = poolTask;
    }

    /** {@code shutdownNow()} took it off the queue: {@link #run()} may now run it here. */
    void handBack() {
        handedBack.set(true);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        PoolTask poolTask = queued;
        if (poolTask != null) {
            pool.withdraw(poolTask);
        }
        return super.cancel(mayInterruptIfRunning);
    }

    /** Runs the task in the calling thread if no worker took it; otherwise does nothing. */
    @Override
    public void run() {
        PoolTask poolTask = queued;
        boolean ours = handedBack.getAndSet(false) || poolTask != null && pool.withdraw(poolTask);
        if (!ours || isDone()) {
            return;
        }
        try {
            complete(task.call());
        } catch (Throwable failure) {
            completeExceptionally(failure);
        }
    }

    /**
     * The worker's answer, from a slot thread. Completion (and so every dependent stage) moves to the
     * pool's result-handler thread: a slow {@code thenApply} must not keep a slot from feeding its worker.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void settle(Object value, Throwable failure) {
        Runnable completion = () -> {
            if (failure == null) {
                complete(runnable ? runnableResult : (T) value);
            } else {
                completeExceptionally(failure);
            }
        };
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException handlerStopped) {
            completion.run(); // the pool has stopped: complete here rather than never
        }
    }
}
