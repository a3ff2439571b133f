package dev.mp4j.launcher.pool;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Gathers a map's chunk results in place; the first failed chunk fails the whole map, like CPython. */
final class MapCollector<R> {

    private final AsyncResult<List<R>> result;
    private final Object[] values;
    private final AtomicInteger remaining;
    private volatile boolean abandoned;

    MapCollector(AsyncResult<List<R>> result, int count, int chunks) {
        this.result = result;
        this.values = new Object[count];
        this.remaining = new AtomicInteger(chunks);
    }

    /** The map failed in the caller's thread: chunks a worker already took come back to nobody. */
    void abandon() {
        abandoned = true;
    }

    @SuppressWarnings("unchecked")
    void chunkDone(int from, Object[] chunkValues, Throwable failure) {
        if (abandoned) {
            return;
        }
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
