package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.ValueRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * How {@code map}, {@code starmap} and {@code imap} become tasks: the items are cut into chunks (CPython's
 * default size: about four chunks per worker), each chunk is encoded in the caller's thread as one task
 * (the function once per call, sent once to each worker), and the chunks' results are gathered into one
 * list or handed to a {@link ResultIterator}. A map queues its first chunk for each worker as soon as it
 * is encoded, as CPython's task handler does, so the workers start while the rest is encoded, and the
 * rest together, so that a worker can take several in one batch; a chunk that cannot be encoded fails
 * the call, and the chunks queued before it are withdrawn.
 */
final class MapChunking {

    /** Makes the job of the chunk of items {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface ChunkMaker {
        PoolJob chunk(int from, int to);
    }

    private final WorkQueue queue;
    private final int processes;
    private final ExecutorService resultHandler;

    MapChunking(WorkQueue queue, int processes, ExecutorService resultHandler) {
        this.queue = queue;
        this.processes = processes;
        this.resultHandler = resultHandler;
    }

    /** Splits {@code count} items into chunks made by {@code chunkOf(from, to)}, one result for all. */
    <R> AsyncResult<List<R>> map(int count, int chunksize, Consumer<? super List<R>> callback,
                                 Consumer<? super Throwable> errorCallback, ChunkMaker chunkOf) {
        if (chunksize < 0) {
            throw new IllegalArgumentException("Chunksize must be 1+, not " + chunksize);
        }
        queue.checkRunning();
        AsyncResult<List<R>> result = new AsyncResult<>(callback, errorCallback, resultHandler);
        if (count == 0) {
            result.settle(List.of(), null);
            return result;
        }
        int size = chunksize > 0 ? chunksize : defaultChunksize(count);
        int chunks = (count + size - 1) / size;
        MapCollector<R> collector = new MapCollector<>(result, count, chunks);
        List<PoolTask> queued = new ArrayList<>(chunks);
        List<PoolTask> rest = new ArrayList<>(chunks);
        try {
            for (int c = 0; c < chunks; c++) {
                int from = c * size;
                PoolJob job = chunkOf.chunk(from, Math.min(count, from + size));
                PoolTask task = new PoolTask(queue.nextTaskId(), job,
                        (value, failure) -> collector.chunkDone(from, (Object[]) value, failure));
                if (c < processes) {
                    queue.enqueue(task); // a worker starts on it while the next chunks are encoded
                    queued.add(task);
                } else {
                    rest.add(task);
                }
            }
            queue.enqueue(rest); // together, so that a worker can take several in one batch
            queued.addAll(rest);
            collector.allQueued();
        } catch (RuntimeException unsent) { // an item that cannot cross, or the pool closed meanwhile
            collector.abandon();
            queued.forEach(queue::withdraw);
            throw unsent;
        }
        return result;
    }

    /** {@code func} over {@code items} in chunks of {@code chunksize}, results one by one as they arrive. */
    <R> ResultIterator<R> imap(Pool.Task<Object, Object> func, Iterable<?> items, int chunksize, boolean ordered) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("Chunksize must be 1+, not " + chunksize);
        }
        queue.checkRunning();
        Object[] args = toArray(items);
        PoolJob.Definition function = PoolJob.function(func, "the function given to imap");
        int chunks = (args.length + chunksize - 1) / chunksize;
        ResultIterator<R> results = new ResultIterator<>(chunks, ordered);
        List<PoolTask> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = c * chunksize;
            int index = c;
            PoolJob job = PoolJob.map(function,
                    ValueRun.encode(args, from, Math.min(args.length, from + chunksize), "a chunk of imap"));
            tasks.add(new PoolTask(queue.nextTaskId(), job,
                    (value, failure) -> results.chunkDone(index, (Object[]) value, failure)));
        }
        queue.enqueue(tasks);
        return results;
    }

    /** CPython's choice: about four chunks per worker. */
    private int defaultChunksize(int count) {
        int perChunk = count / (processes * 4);
        return count % (processes * 4) == 0 ? Math.max(1, perChunk) : perChunk + 1;
    }

    static Object[] toArray(Iterable<?> items) {
        Objects.requireNonNull(items, "items");
        if (items instanceof Collection<?> collection) {
            return collection.toArray();
        }
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list.toArray();
    }
}
