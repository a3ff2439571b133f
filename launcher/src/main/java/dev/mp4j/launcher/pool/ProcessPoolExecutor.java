package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.SerializationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's {@code concurrent.futures.ProcessPoolExecutor} as a Java {@link ExecutorService}: tasks run in
 * worker JVMs, results come back as {@link CompletableFuture}s.
 *
 * <pre>{@code
 * try (ProcessPoolExecutor executor = new ProcessPoolExecutor(4)) {
 *     Future<Integer> square = executor.submit(() -> x * x);      // a serializable lambda
 *     List<Future<Integer>> all = executor.invokeAll(tasks, 10, TimeUnit.SECONDS);
 * }                                                                // shutdown, then await termination
 * }</pre>
 *
 * <p><b>Its own class, on the Pool's machinery.</b> It owns a {@link Pool} that nothing else uses: the
 * worker JVMs, the queue and its batching, the replacement of dead workers and {@link WorkerDiedException}
 * are the pool's; this class adds the {@code ExecutorService} contract on top (futures, cancelling queued
 * tasks, shutdown, termination). It is not a view of a Pool the caller also holds, because the two
 * lifecycles disagree: {@link Pool#close()} is Python's close (no more work; {@code join()} waits), while
 * {@code ExecutorService.close()} shuts down and waits; shutting down a view would close the pool under
 * its other users. Python draws the same line: {@code ProcessPoolExecutor} is not {@code Pool}.
 *
 * <p><b>Tasks</b> must be serializable. A lambda passed straight to {@code submit} is, because the
 * {@link SerializableCallable} and {@link SerializableRunnable} overloads are the most specific; a
 * collection for {@code invokeAll}/{@code invokeAny} should be typed with them, e.g.
 * {@code List<SerializableCallable<Integer>>}. A task that cannot be serialized fails at the call with
 * {@link SerializationException}. A task's exception arrives as the cause of the future's
 * {@link ExecutionException}, with the worker's stack trace as {@link RemoteTraceback}; a task whose
 * worker died (killed, crashed, {@code System.exit}) fails with {@link WorkerDiedException} naming the
 * worker, its pid and exit code, and the executor goes on with a fresh worker.
 *
 * <p><b>Cancelling</b> a task no worker has taken removes it from the queue. A JVM cannot interrupt a
 * thread in another process, so cancelling a running task (also by {@code invokeAll}'s timeout and
 * {@code invokeAny}) only marks its future cancelled; the worker finishes it and the result is dropped.
 * {@link #shutdownNow()} does stop running tasks: it kills the workers (their futures are cancelled) and
 * returns the tasks no worker took, as {@link java.util.concurrent.RunnableFuture}s still pending, like
 * the JDK's executors: run one to do it in this JVM, or cancel it.
 *
 * <p>Futures complete, and their dependent stages run, on the pool's result-handler thread, one at a time:
 * use the {@code ...Async} stages for long work.
 */
public final class ProcessPoolExecutor implements ExecutorService {

    /** A task returning a value; a lambda given where this is expected is serializable. */
    @FunctionalInterface
    public interface SerializableCallable<T> extends Callable<T>, Serializable {
    }

    /** A task with no result; a lambda given where this is expected is serializable. */
    @FunctionalInterface
    public interface SerializableRunnable extends Runnable, Serializable {
    }

    private final Pool pool;
    private final Object lifecycle = new Object();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private boolean shutdown; // guarded by lifecycle

    /** {@code workers} worker JVMs, started now; zero or fewer is refused. */
    public ProcessPoolExecutor(int workers) {
        this(Pool.builder().processes(workers));
    }

    /** Workers as {@code settings} say: their number, initializer, {@code maxTasksPerChild}, fork options. */
    public ProcessPoolExecutor(Pool.Builder settings) {
        this.pool = settings.build();
    }

    /** The number of worker JVMs. */
    public int workers() {
        return pool.processes();
    }

    // ---- submitting ----

    public <T> CompletableFuture<T> submit(SerializableCallable<T> task) {
        return submit((Callable<T>) task);
    }

    public CompletableFuture<?> submit(SerializableRunnable task) {
        return submit((Runnable) task, null);
    }

    public <T> CompletableFuture<T> submit(SerializableRunnable task, T result) {
        return submit((Runnable) task, result);
    }

    /** Runs {@code task} in a worker; it must be {@link Serializable} (see the class comment). */
    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return enqueue(task, WorkerFuture.of(task, pool));
    }

    @Override
    public CompletableFuture<?> submit(Runnable task) {
        return submit(task, null);
    }

    /** Runs {@code task} in a worker; the future completes with {@code result}, which stays in this JVM. */
    @Override
    public <T> CompletableFuture<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        return enqueue(task, WorkerFuture.of(task, result, pool));
    }

    /** Runs {@code command} in a worker; a failure is printed to {@code System.err}, as an uncaught exception is. */
    @Override
    public void execute(Runnable command) {
        submit(command).whenComplete((ignored, failure) -> {
            if (failure != null && !(failure instanceof CancellationException)) {
                System.err.println("Exception in a task given to ProcessPoolExecutor.execute:");
                failure.printStackTrace();
            }
        });
    }

    private <T> WorkerFuture<T> enqueue(Object task, WorkerFuture<T> future) {
        synchronized (lifecycle) {
            if (shutdown) {
                throw new RejectedExecutionException("the executor has been shut down");
            }
        }
        PoolJob job = PoolJob.task(task, "the task given to ProcessPoolExecutor");
        try {
            future.queuedAs(pool.submitJob(job, future));
        } catch (IllegalStateException notRunning) {
            throw new RejectedExecutionException("the executor has been shut down", notRunning);
        }
        return future;
    }

    // ---- invokeAll, invokeAny ----

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                futures.add(submit(task));
            }
            for (Future<T> future : futures) {
                awaitQuietly(future);
            }
            return futures;
        } catch (Throwable failure) {
            cancelAll(futures);
            throw failure;
        }
    }

    /** Waits at most {@code timeout} for all; tasks not done by then are cancelled. Every future returned is done. */
    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                futures.add(submit(task));
            }
            for (Future<T> future : futures) {
                if (!future.isDone()) {
                    try {
                        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (ExecutionException | CancellationException finishedAnyway) {
                        // done: its future says how
                    } catch (TimeoutException expired) {
                        break;
                    }
                }
            }
            cancelAll(futures);
            return futures;
        } catch (Throwable failure) {
            cancelAll(futures);
            throw failure;
        }
    }

    /** The result of one task that succeeded (the others are cancelled); if all failed, the last failure. */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return any(tasks, -1);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return any(tasks, Math.max(0, unit.toNanos(timeout)));
    }

    private <T> T any(Collection<? extends Callable<T>> tasks, long timeoutNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        BlockingQueue<CompletableFuture<T>> finished = new LinkedBlockingQueue<>();
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                CompletableFuture<T> future = submit(task);
                futures.add(future);
                future.whenComplete((value, failure) -> finished.add(future));
            }
            ExecutionException lastFailure = null;
            for (int left = futures.size(); left > 0; left--) {
                CompletableFuture<T> done = timeoutNanos < 0 ? finished.take()
                        : finished.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (done == null) {
                    throw new TimeoutException("no task succeeded within the timeout");
                }
                try {
                    return done.get();
                } catch (ExecutionException failed) {
                    lastFailure = failed;
                } catch (CancellationException cancelled) {
                    lastFailure = new ExecutionException(cancelled);
                }
            }
            throw lastFailure;
        } finally {
            cancelAll(futures);
        }
    }

    private static void awaitQuietly(Future<?> future) throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException | CancellationException finishedAnyway) {
            // done: its future says how
        }
    }

    private static void cancelAll(List<? extends Future<?>> futures) {
        for (Future<?> future : futures) {
            future.cancel(true);
        }
    }

    // ---- lifecycle ----

    /** No new tasks (they are refused with {@link RejectedExecutionException}); those submitted still run. */
    @Override
    public void shutdown() {
        synchronized (lifecycle) {
            if (shutdown) {
                return;
            }
            shutdown = true;
        }
        pool.close();
        awaitPoolInBackground();
    }

    /**
     * Stops now: kills the workers (the tasks they run are cancelled) and returns the tasks no worker
     * took, still pending (see the class comment).
     */
    @Override
    public List<Runnable> shutdownNow() {
        boolean first;
        synchronized (lifecycle) {
            first = !shutdown;
            shutdown = true;
        }
        List<Runnable> neverStarted = new ArrayList<>();
        for (PoolTask task : pool.terminateKeepingQueued()) {
            if (task.outcome instanceof WorkerFuture<?> future) {
                future.handBack();
                neverStarted.add(future);
            }
        }
        if (first) {
            awaitPoolInBackground();
        }
        return neverStarted;
    }

    /** Termination is the pool's join: every worker has exited and every future is complete. */
    private void awaitPoolInBackground() {
        Thread.ofPlatform().daemon().name("mp4j-executor-termination").start(() -> {
            try {
                pool.join();
            } catch (InterruptedException e) {
                return;
            }
            terminated.countDown();
        });
    }

    @Override
    public boolean isShutdown() {
        synchronized (lifecycle) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    @Override
    public String toString() {
        return "<ProcessPoolExecutor workers=" + pool.processes() + (isTerminated() ? " terminated"
                : isShutdown() ? " shut down" : " running") + ">";
    }
}
