package dev.mp4j.launcher.pool;

import java.io.Serial;
import java.io.Serializable;

/**
 * A slice of a {@code map} or {@code starmap}: the function and its items travel as one message and come
 * back as one array of results, which is what makes a map of 100 000 tiny items cheap. A plain class
 * rather than a record: records deserialize through method handles, slow in a fresh worker.
 */
final class PoolChunk implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Pool.Task<Object, Object> task;
    private final Pool.StarTask<Object, Object, Object> starTask;
    private final Object firsts;  // packed by PoolValues
    private final Object seconds;

    private PoolChunk(Pool.Task<Object, Object> task, Pool.StarTask<Object, Object, Object> starTask,
                      Object[] firsts, Object[] seconds) {
        this.task = task;
        this.starTask = starTask;
        this.firsts = PoolValues.pack(firsts);
        this.seconds = seconds == null ? null : PoolValues.pack(seconds);
    }

    static PoolChunk map(Pool.Task<Object, Object> task, Object[] items) {
        return new PoolChunk(task, null, items, null);
    }

    static PoolChunk starmap(Pool.StarTask<Object, Object, Object> task, Object[] firsts, Object[] seconds) {
        return new PoolChunk(null, task, firsts, seconds);
    }

    /** The results, packed by {@link PoolValues} for the way back. */
    Object run() throws Exception {
        Object[] items = PoolValues.unpack(firsts);
        Object[] others = seconds == null ? null : PoolValues.unpack(seconds);
        Object[] results = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            results[i] = task != null ? task.apply(items[i]) : starTask.apply(items[i], others[i]);
        }
        return PoolValues.pack(results);
    }
}
