package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Listener;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.SerializationException;
import dev.mp4j.launcher.Target;
import dev.mp4j.launcher.internal.ProcessContext;
import dev.mp4j.launcher.internal.Serialization;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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

        public Pool build() {
            return new Pool(this);
        }
    }

    private enum State { RUN, CLOSE, TERMINATE }

    /** A batch holds about this much work, once tasks are known to be quick: one message per few ms. */
    private static final double BATCH_NANOS = 5e6;
    private static final int MAX_BATCH = 1000;
    private static final long QUICK_NANOS = 2_000_000;
    private static final long TERMINATE_GRACE_MILLIS = 2_000;
    private static final AtomicInteger workerNumbers = new AtomicInteger();

    private final int processes;
    private final Target initializer;
    private final int maxTasksPerChild;
    private final Listener listener = new Listener();
    private final Map<Integer, CompletableFuture<Connection>> connecting = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final ArrayDeque<PoolTask> queue = new ArrayDeque<>();
    private final AtomicLong taskNumbers = new AtomicLong();
    private final ExecutorService resultHandler;
    private final List<PoolSlot> slots = new ArrayList<>();
    private final Thread acceptor;
    private final java.util.concurrent.CountDownLatch firstWorkers;
    private State state = State.RUN; // guarded by lock
    private String broken;           // guarded by lock: why no worker can start
    private volatile double taskNanos = Double.NaN; // recent time per task; unknown at first
    private volatile boolean listenerClosed;

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
        this.initializer = settings.initializer;
        this.maxTasksPerChild = settings.maxTasksPerChild;
        this.resultHandler = Executors.newSingleThreadExecutor(
                runnable -> Thread.ofPlatform().daemon().name("mp4j-pool-result-handler").unstarted(runnable));
        this.acceptor = Thread.ofPlatform().daemon().name("mp4j-pool-acceptor").start(this::acceptWorkers);
        this.firstWorkers = new java.util.concurrent.CountDownLatch(processes);
        for (int i = 0; i < processes; i++) {
            PoolSlot slot = new PoolSlot(this, i + 1);
            slots.add(slot);
            slot.start(); // each slot starts its worker: the JVMs boot in parallel
        }
        awaitFirstWorkers();
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

    /** A slot's first worker is ready, or will never be: either way the constructor may return. */
    void slotStarted() {
        firstWorkers.countDown();
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
        checkRunning();
        byte[] job = Serialization.toBytes(call, "the task given to applyAsync");
        AsyncResult<R> result = new AsyncResult<>(callback, errorCallback, resultHandler);
        enqueue(List.of(new PoolTask(taskNumbers.incrementAndGet(), job,
                (value, failure) -> result.settle((R) value, failure))));
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
        Object[] args = toArray(items);
        return mapChunks(args.length, chunksize, callback, errorCallback,
                (from, to) -> PoolChunk.map(erase(func), Arrays.copyOfRange(args, from, to)));
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
        Object[] entries = toArray(args);
        Object[] firsts = new Object[entries.length];
        Object[] seconds = new Object[entries.length];
        for (int i = 0; i < entries.length; i++) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) entries[i];
            firsts[i] = entry.getKey();
            seconds[i] = entry.getValue();
        }
        return mapChunks(entries.length, chunksize, callback, errorCallback,
                (from, to) -> PoolChunk.starmap(erase(func), Arrays.copyOfRange(firsts, from, to),
                        Arrays.copyOfRange(seconds, from, to)));
    }

    // ---- imap ----

    /** Python's {@code imap}: results one by one, in input order, as they arrive (chunks of one item). */
    public <T, R> ResultIterator<R> imap(Task<T, R> func, Iterable<? extends T> items) {
        return imap(func, items, 1);
    }

    public <T, R> ResultIterator<R> imap(Task<T, R> func, Iterable<? extends T> items, int chunksize) {
        return iterate(func, items, chunksize, true);
    }

    /** Python's {@code imap_unordered}: results one by one, in the order the workers finish them. */
    public <T, R> ResultIterator<R> imapUnordered(Task<T, R> func, Iterable<? extends T> items) {
        return imapUnordered(func, items, 1);
    }

    public <T, R> ResultIterator<R> imapUnordered(Task<T, R> func, Iterable<? extends T> items, int chunksize) {
        return iterate(func, items, chunksize, false);
    }

    private <T, R> ResultIterator<R> iterate(Task<T, R> func, Iterable<? extends T> items, int chunksize, boolean ordered) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("Chunksize must be 1+, not " + chunksize);
        }
        checkRunning();
        Object[] args = toArray(items);
        int chunks = (args.length + chunksize - 1) / chunksize;
        ResultIterator<R> results = new ResultIterator<>(chunks, ordered);
        List<PoolTask> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = c * chunksize;
            int index = c;
            byte[] job = Serialization.toBytes(PoolChunk.map(erase(func),
                    Arrays.copyOfRange(args, from, Math.min(args.length, from + chunksize))), "a chunk of imap");
            tasks.add(new PoolTask(taskNumbers.incrementAndGet(), job,
                    (value, failure) -> results.chunkDone(index, failure == null ? PoolValues.unpack(value) : null, failure)));
        }
        enqueue(tasks);
        return results;
    }

    // ---- lifecycle ----

    /** Python's {@code close()}: accepts no more work; the workers exit once the queued tasks are done. */
    @Override
    public void close() {
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

    /**
     * Python's {@code terminate()}: stops the workers now (SIGKILL: no cleanup, and no JVM shutdown
     * hooks to wait for). Queued tasks and tasks in the workers fail with {@link CancellationException}
     * (CPython leaves their results waiting forever). Returns once the workers have exited.
     */
    public void terminate() {
        List<PoolTask> dropped;
        lock.lock();
        try {
            state = State.TERMINATE;
            dropped = new ArrayList<>(queue);
            queue.clear();
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        for (PoolTask task : dropped) {
            task.outcome.settle(null, new CancellationException("the pool was terminated before task " + task.id + " ran"));
        }
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
        shutDownListener();
        resultHandler.shutdown(); // later outcomes are published without their callbacks
    }

    /**
     * Python's {@code join()}: waits until every worker has exited and every callback has run. Only after
     * {@link #close()} or {@link #terminate()}.
     */
    public void join() throws InterruptedException {
        lock.lock();
        try {
            if (state == State.RUN) {
                throw new IllegalStateException("Pool is still running");
            }
        } finally {
            lock.unlock();
        }
        awaitSlotsAndWorkers(-1);
        shutDownListener();
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

    private void shutDownListener() {
        listenerClosed = true;
        listener.close();
        connecting.values().forEach(pending -> pending.cancel(false));
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "<Pool processes=" + processes + " state=" + state + " queued=" + queue.size() + ">";
        } finally {
            lock.unlock();
        }
    }

    // ---- what the slots use ----

    int maxTasksPerChild() {
        return maxTasksPerChild;
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

    ChildProcess startWorker(CompletableFuture<Connection> connected) {
        int number = workerNumbers.incrementAndGet();
        connecting.put(number, connected);
        Address address = listener.address();
        Target pooledInitializer = initializer;
        int maxTasks = maxTasksPerChild;
        ChildProcess worker = new ChildProcess(() -> PoolWorker.serve(address, number, pooledInitializer, maxTasks),
                "PoolWorker-" + number);
        worker.setDaemon(true);
        worker.start();
        return worker;
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
            while (batch.size() < size && !queue.isEmpty() && bytes + queue.peek().job.length + 12 <= maxBytes) {
                PoolTask task = queue.poll();
                bytes += task.job.length + 12;
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

    // ---- internals ----

    private void acceptWorkers() {
        while (true) {
            Connection connection;
            try {
                connection = listener.accept();
            } catch (RuntimeException e) {
                if (listenerClosed) {
                    return;
                }
                continue; // a client that failed the challenge: not one of ours
            }
            try {
                int number = java.nio.ByteBuffer.wrap(connection.recvBytes()).getInt();
                CompletableFuture<Connection> waiting = connecting.remove(number);
                if (waiting == null || !waiting.complete(connection)) {
                    connection.close();
                }
            } catch (RuntimeException e) {
                connection.close();
            }
        }
    }

    private void checkRunning() {
        lock.lock();
        try {
            if (state != State.RUN) {
                throw new IllegalStateException("Pool not running");
            }
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(List<PoolTask> tasks) {
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

    /** Splits {@code count} items into chunks made by {@code chunkOf(from, to)}, one result for all. */
    private <R> AsyncResult<List<R>> mapChunks(int count, int chunksize, Consumer<? super List<R>> callback,
                                                Consumer<? super Throwable> errorCallback,
                                                ChunkMaker chunkOf) {
        if (chunksize < 0) {
            throw new IllegalArgumentException("Chunksize must be 1+, not " + chunksize);
        }
        checkRunning();
        AsyncResult<List<R>> result = new AsyncResult<>(callback, errorCallback, resultHandler);
        if (count == 0) {
            result.settle(List.of(), null);
            return result;
        }
        int size = chunksize > 0 ? chunksize : defaultChunksize(count);
        int chunks = (count + size - 1) / size;
        MapCollector<R> collector = new MapCollector<>(result, count, chunks);
        List<PoolTask> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = c * size;
            byte[] job = Serialization.toBytes(chunkOf.chunk(from, Math.min(count, from + size)), "a chunk of map");
            tasks.add(new PoolTask(taskNumbers.incrementAndGet(), job,
                    (value, failure) -> collector.chunkDone(from, failure == null ? PoolValues.unpack(value) : null, failure)));
        }
        enqueue(tasks);
        return result;
    }

    /** CPython's choice: about four chunks per worker. */
    private int defaultChunksize(int count) {
        int perChunk = count / (processes * 4);
        return count % (processes * 4) == 0 ? Math.max(1, perChunk) : perChunk + 1;
    }

    @FunctionalInterface
    private interface ChunkMaker {
        PoolChunk chunk(int from, int to);
    }

    @SuppressWarnings("unchecked")
    private static Task<Object, Object> erase(Task<?, ?> func) {
        return (Task<Object, Object>) Objects.requireNonNull(func, "func");
    }

    @SuppressWarnings("unchecked")
    private static StarTask<Object, Object, Object> erase(StarTask<?, ?, ?> func) {
        return (StarTask<Object, Object, Object>) Objects.requireNonNull(func, "func");
    }

    private static Object[] toArray(Iterable<?> items) {
        Objects.requireNonNull(items, "items");
        if (items instanceof Collection<?> collection) {
            return collection.toArray();
        }
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list.toArray();
    }

    /** Gathers a map's chunk results in place; the first failed chunk fails the whole map, like CPython. */
    private static final class MapCollector<R> {
        private final AsyncResult<List<R>> result;
        private final Object[] values;
        private final AtomicInteger remaining;

        MapCollector(AsyncResult<List<R>> result, int count, int chunks) {
            this.result = result;
            this.values = new Object[count];
            this.remaining = new AtomicInteger(chunks);
        }

        @SuppressWarnings("unchecked")
        void chunkDone(int from, Object[] chunkValues, Throwable failure) {
            if (failure != null) {
                result.settle(null, failure);
                return;
            }
            System.arraycopy(chunkValues, 0, values, from, chunkValues.length);
            if (remaining.decrementAndGet() == 0) {
                result.settle((List<R>) Arrays.asList(values), null);
            }
        }
    }
}
