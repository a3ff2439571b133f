package dev.mp4j.launcher.pool;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gathers a map's chunk results in place; the first failed chunk fails the whole map, like CPython.
 * Chunks run while the call still queues later ones, so nothing settles (and no callback runs) until the
 * call has queued them all: a call that fails on a later chunk must leave no trace of its earlier ones.
 */
final class MapCollector<R> {

    private final AsyncResult<List<R>> result;
    private final Object[] values;
    private final AtomicInteger remaining; // the chunks, and one for the call queueing them
    private volatile Throwable failure;
    private volatile boolean allQueued;
    private volatile boolean abandoned;

    MapCollector(AsyncResult<List<R>> result, int count, int chunks) {
        this.result = result;
        this.values = new Object[count];
        this.remaining = new AtomicInteger(chunks + 1);
    }

    /** Every chunk is queued: outcomes may now settle the map. */
    void allQueued() {
        allQueued = true;
        settleFailure();
        done();
    }

    /** The call failed before queueing every chunk: the outcomes of those a worker already took go to nobody. */
    void abandon() {
        abandoned = true;
    }

    void chunkDone(int from, Object[] chunkValues, Throwable chunkFailure) {
        if (abandoned) {
            return;
        }
        if (chunkFailure != null) {
            if (failure == null) {
                failure = chunkFailure;
            }
            settleFailure();
            return;
        }
        System.arraycopy(chunkValues, 0, values, from, chunkValues.length);
        done();
    }

    private void settleFailure() {
        Throwable first = failure;
        if (first != null && allQueued && !abandoned) {
            result.settle(null, first); // only the first settle counts
        }
    }

    @SuppressWarnings("unchecked")
    private void done() {
        if (remaining.decrementAndGet() == 0 && !abandoned) {
            result.settle((List<R>) Arrays.asList(values), null);
        }
    }
}
