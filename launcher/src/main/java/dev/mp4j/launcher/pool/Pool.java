package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ForkOptions;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.SerializationException;
import dev.mp4j.launcher.Target;
import dev.mp4j.launcher.internal.ProcessContext;
import dev.mp4j.launcher.internal.Serialization;
import dev.mp4j.launcher.internal.ValueRun;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Python's {@code multiprocessing.Pool}: a fixed number of worker JVMs that run submitted tasks.
 *
 * <pre>{@code
 * Pool pool = new Pool(4);
 * List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));
 * AsyncResult<String> r = pool.applyAsync(() -> download(url), page -> parse(page));
 * pool.close();
 * pool.join();
 * }</pre>
 *
 * Tasks are serializable lambdas or method references ({@link Call}, {@link Task}, {@link StarTask});
 * they are serialized in the caller's thread, so one that cannot cross to a worker fails at the call with
 * {@link SerializationException}. Callbacks run in this JVM, one at a time, on the pool's single
 * result-handler thread.
 *
 * <p>Unlike CPython's Pool, a worker that dies while it holds a task (killed, {@code System.exit})
 * fails that task with {@link WorkerDiedException} naming the worker, and is replaced; nothing waits
 * forever. {@link #terminate()} fails the tasks it drops with {@link java.util.concurrent.CancellationException}.
 * Workers are daemon child processes: they end with this JVM, so work not waited for with
 * {@code close(); join()} is lost, as in Python.
 *
 * <p>{@link #close()} is Python's {@code close()}: no more work is accepted and the workers exit once
 * the queue is done. It is also what try-with-resources calls; Python's {@code with Pool()} terminates
 * instead. Java cannot give one method both meanings, and keeping {@code close(); join()} as the
 * articles use it matters more: call {@link #terminate()} to drop outstanding work.
 */
public final class Pool implements AutoCloseable {

    /** A task for {@code apply}: a serializable supplier, e.g. {@code () -> foo(i)}. */
    @FunctionalInterface
    public interface Call<R> extends Serializable {
        R call() throws Exception;
    }

    /** A function for {@code map} and {@code imap}: one argument, e.g. {@code x -> x * x}. */
    @FunctionalInterface
    public interface Task<T, R> extends Serializable {
        R apply(T arg) throws Exception;
    }

    /** A function for {@code starmap}: two arguments, taken from each entry's key and value. */
    @FunctionalInterface
    public interface StarTask<A, B, R> extends Serializable {
        R apply(A first, B second) throws Exception;
    }

    /** Settings beyond the number of processes: {@code Pool.builder().processes(4).initializer(...).build()}. */
    public static final class Builder {
        private int processes = Multiprocessing.cpuCount();
        private Target initializer;
        private int maxTasksPerChild;
        private ForkOptions forkOptions = ForkOptions.DEFAULT;

        private Builder() {
        }

        public Builder processes(int processes) {
            this.processes = processes;
            return this;
        }

        /** Runs once in each worker before its first task, e.g. {@code () -> init(config)}. */
        public Builder initializer(Target initializer) {
            this.initializer = initializer;
            return this;
        }

        /** After this many tasks a worker exits and a fresh one takes its place; 0 means never. */
        public Builder maxTasksPerChild(int maxTasksPerChild) {
            if (maxTasksPerChild < 0) {
                throw new IllegalArgumentException("maxtasksperchild must be a positive int or 0, was " + maxTasksPerChild);
            }
            this.maxTasksPerChild = maxTasksPerChild;
            return this;
        }

        /** How each worker JVM is started (heap, properties, environment, directory); the defaults unless set. */
        public Builder forkOptions(ForkOptions options) {
            this.forkOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        public Pool build() {
            return new Pool(this);
        }
    }

    private static final long TERMINATE_GRACE_MILLIS = 2_000;

    private final int processes;
    private final WorkQueue queue;
    private final WorkerLauncher launcher;
    private final MapChunking chunking;
    private final ExecutorService resultHandler;
    private final List<PoolSlot> slots = new ArrayList<>();
    private final CountDownLatch firstWorkers;

    /** A pool of {@link Multiprocessing#cpuCount()} workers. */
    public Pool() {
        this(builder());
    }

    /** A pool of {@code processes} workers; zero or fewer is refused. */
    public Pool(int processes) {
        this(builder().processes(processes));
    }

    public static Builder builder() {
        return new Builder();
    }

    private Pool(Builder settings) {
        if (settings.processes < 1) {
            throw new IllegalArgumentException("Number of processes must be at least 1");
        }
        if (ProcessContext.daemon()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children");
        }
        if (settings.initializer != null) {
            Serialization.toBytes(settings.initializer, "the pool's initializer"); // fail here, not in a worker
        }
        this.processes = settings.processes;
        this.queue = new WorkQueue(processes);
        this.launcher = new WorkerLauncher(settings.initializer, settings.maxTasksPerChild, settings.forkOptions);
        this.resultHandler = Executors.newSingleThreadExecutor(
                runnable -> Thread.ofPlatform().daemon().name("mp4j-pool-result-handler").unstarted(runnable));
        this.chunking = new MapChunking(queue, processes, resultHandler);
        this.firstWorkers = new CountDownLatch(processes);
        for (int i = 0; i < processes; i++) {
            PoolSlot slot = new PoolSlot(queue, launcher, settings.maxTasksPerChild, firstWorkers::countDown, i + 1);
            slots.add(slot);
            slot.start(); // each slot starts its worker: the JVMs boot in parallel
        }
        awaitFirstWorkers();
        String broken = queue.brokenReason();
        if (broken != null) {
            terminate(); // e.g. an option the worker JVMs refuse: fail here, with the JVM's message
            throw new IllegalStateException(broken);
        }
    }

    /**
     * Returns once every worker has connected (or failed to start). A JVM takes a moment to boot where
     * CPython forks in a millisecond; waiting here keeps that cost out of the first tasks' timing, so
     * "four workers run four tasks at once" holds from the first task on.
     */
    private void awaitFirstWorkers() {
        boolean interrupted = false;
        while (true) {
            try {
                firstWorkers.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The number of workers. */
    public int processes() {
        return processes;
    }

    // ---- apply ----

    /** Runs {@code call} in a worker and returns its result (blocking: Python's "serial" apply). */
    public <R> R apply(Call<R> call) {
        return applyAsync(call).get();
    }

    public <R> AsyncResult<R> applyAsync(Call<R> call) {
        return applyAsync(call, null, null);
    }

    /** Runs {@code call} in a worker; {@code callback} receives its result here, on the result-handler thread. */
    public <R> AsyncResult<R> applyAsync(Call<R> call, Consumer<? super R> callback) {
        return applyAsync(call, callback, null);
    }

    /** Like {@link #applyAsync(Call, Consumer)}; {@code errorCallback} receives the task's exception instead. */
    @SuppressWarnings("unchecked")
    public <R> AsyncResult<R> applyAsync(Call<R> call, Consumer<? super R> callback,
                                         Consumer<? super Throwable> errorCallback) {
        Objects.requireNonNull(call, "call");
        queue.checkRunning();
        PoolJob job = PoolJob.task(call, "the task given to applyAsync");
        AsyncResult<R> result = new AsyncResult<>(callback, errorCallback, resultHandler);
        queue.enqueue(new PoolTask(queue.nextTaskId(), job, (value, failure) -> result.settle((R) value, failure)));
        return result;
    }

    // ---- map ----

    /** Python's {@code map}: {@code func} over {@code items} in the workers, results in input order. */
    public <T, R> List<R> map(Task<T, R> func, Iterable<? extends T> items) {
        return mapAsync(func, items).get();
    }

    /** {@code map} sending {@code chunksize} items per message. */
    public <T, R> List<R> map(Task<T, R> func, Iterable<? extends T> items, int chunksize) {
        return mapAsync(func, items, chunksize).get();
    }

    public <T, R> AsyncResult<List<R>> mapAsync(Task<T, R> func, Iterable<? extends T> items) {
        return mapAsync(func, items, 0, null, null);
    }

    public <T, R> AsyncResult<List<R>> mapAsync(Task<T, R> func, Iterable<? extends T> items, int chunksize) {
        return mapAsync(func, items, chunksize, null, null);
    }

    /** {@code chunksize} 0 picks one like CPython: about four chunks per worker. */
    public <T, R> AsyncResult<List<R>> mapAsync(Task<T, R> func, Iterable<? extends T> items, int chunksize,
                                                Consumer<? super List<R>> callback,
                                                Consumer<? super Throwable> errorCallback) {
        Object[] args = MapChunking.toArray(items);
        PoolJob.Definition function = PoolJob.function(erase(func), "the function given to map");
        return chunking.map(args.length, chunksize, callback, errorCallback,
                (from, to) -> PoolJob.map(function, ValueRun.encode(args, from, to, "a chunk of map")));
    }

    // ---- starmap ----

    /**
     * Python's {@code starmap}: {@code func(key, value)} for each entry, e.g.
     * {@code pool.starmap(Math::max, List.of(Map.entry(1, 2), Map.entry(5, 3)))}.
     */
    public <A, B, R> List<R> starmap(StarTask<A, B, R> func, Iterable<? extends Map.Entry<? extends A, ? extends B>> args) {
        return starmapAsync(func, args, 0, null, null).get();
    }

    public <A, B, R> List<R> starmap(StarTask<A, B, R> func, Iterable<? extends Map.Entry<? extends A, ? extends B>> args,
                                     int chunksize) {
        return starmapAsync(func, args, chunksize, null, null).get();
    }

    public <A, B, R> AsyncResult<List<R>> starmapAsync(StarTask<A, B, R> func,
                                                       Iterable<? extends Map.Entry<? extends A, ? extends B>> args,
                                                       int chunksize, Consumer<? super List<R>> callback,
                                                       Consumer<? super Throwable> errorCallback) {
        Object[] entries = MapChunking.toArray(args);
        Object[] firsts = new Object[entries.length];
        Object[] seconds = new Object[entries.length];
        for (int i = 0; i < entries.length; i++) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) entries[i];
            firsts[i] = entry.getKey();
            seconds[i] = entry.getValue();
        }
        PoolJob.Definition function = PoolJob.function(erase(func), "the function given to starmap");
        return chunking.map(entries.length, chunksize, callback, errorCallback,
                (from, to) -> PoolJob.starmap(function, ValueRun.encode(firsts, from, to, "a chunk of starmap"),
                        ValueRun.encode(seconds, from, to, "a chunk of starmap")));
    }

    // ---- imap ----

    /** Python's {@code imap}: results one by one, in input order, as they arrive (chunks of one item). */
    public <T, R> ResultIterator<R> imap(Task<T, R> func, Iterable<? extends T> items) {
        return imap(func, items, 1);
    }

    public <T, R> ResultIterator<R> imap(Task<T, R> func, Iterable<? extends T> items, int chunksize) {
        return chunking.imap(erase(func), items, chunksize, true);
    }

    /** Python's {@code imap_unordered}: results one by one, in the order the workers finish them. */
    public <T, R> ResultIterator<R> imapUnordered(Task<T, R> func, Iterable<? extends T> items) {
        return imapUnordered(func, items, 1);
    }

    public <T, R> ResultIterator<R> imapUnordered(Task<T, R> func, Iterable<? extends T> items, int chunksize) {
        return chunking.imap(erase(func), items, chunksize, false);
    }

    // ---- lifecycle ----

    /** Python's {@code close()}: accepts no more work; the workers exit once the queued tasks are done. */
    @Override
    public void close() {
        queue.close();
    }

    /**
     * Python's {@code terminate()}: stops the workers now (SIGKILL: no cleanup, and no JVM shutdown
     * hooks to wait for). Queued tasks and tasks in the workers fail with {@link CancellationException}
     * (CPython leaves their results waiting forever). Returns once the workers have exited.
     */
    public void terminate() {
        for (PoolTask task : queue.terminate()) {
            task.outcome.settle(null, new CancellationException("the pool was terminated before task " + task.id + " ran"));
        }
        stopWorkers();
    }

    /** For the executor's {@code shutdownNow()}: stops like {@link #terminate()}, but hands back the queued tasks unsettled. */
    List<PoolTask> terminateKeepingQueued() {
        List<PoolTask> neverStarted = queue.terminate();
        stopWorkers();
        return neverStarted;
    }

    private void stopWorkers() {
        for (PoolSlot slot : slots) {
            slot.stopWorker();
        }
        try {
            awaitSlotsAndWorkers(TERMINATE_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (PoolSlot slot : slots) {
            ChildProcess worker = slot.worker();
            if (worker != null && worker.isAlive()) {
                worker.kill();
            }
        }
        launcher.close();
        resultHandler.shutdown(); // later outcomes are published without their callbacks
    }

    /**
     * Python's {@code join()}: waits until every worker has exited and every callback has run. Only after
     * {@link #close()} or {@link #terminate()}.
     */
    public void join() throws InterruptedException {
        queue.requireStopped();
        awaitSlotsAndWorkers(-1);
        launcher.close();
        resultHandler.shutdown();
        resultHandler.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    /** Waits for the slot threads and their last workers; {@code millis} negative means as long as it takes. */
    private void awaitSlotsAndWorkers(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + (millis < 0 ? TimeUnit.DAYS.toNanos(365) : millis * 1_000_000);
        for (PoolSlot slot : slots) {
            slot.joinThread((deadline - System.nanoTime()) / 1_000_000);
            ChildProcess worker = slot.worker();
            if (worker != null) {
                worker.join(Math.max(0, deadline - System.nanoTime()) / 1e9);
            }
        }
    }

    // ---- for ProcessPoolExecutor, which shares this machinery ----

    /** Queues one encoded job; its outcome arrives on a slot thread. */
    PoolTask submitJob(PoolJob job, PoolTask.Outcome outcome) {
        PoolTask task = new PoolTask(queue.nextTaskId(), job, outcome);
        queue.enqueue(task);
        return task;
    }

    /** Takes {@code task} back if no worker has it yet; true when it will never run. */
    boolean withdraw(PoolTask task) {
        return queue.withdraw(task);
    }

    /** The thread callbacks (and the executor's completions) run on, one at a time. */
    java.util.concurrent.Executor resultHandler() {
        return resultHandler;
    }

    @Override
    public String toString() {
        return "<Pool processes=" + processes + " " + queue + ">";
    }

    @SuppressWarnings("unchecked")
    private static Task<Object, Object> erase(Task<?, ?> func) {
        return (Task<Object, Object>) Objects.requireNonNull(func, "func");
    }

    @SuppressWarnings("unchecked")
    private static StarTask<Object, Object, Object> erase(StarTask<?, ?, ?> func) {
        return (StarTask<Object, Object, Object>) Objects.requireNonNull(func, "func");
    }
}
