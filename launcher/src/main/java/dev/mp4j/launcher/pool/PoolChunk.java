package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.ValueRun;

/**
 * A slice of a {@code map} or {@code starmap} in a worker: the function, received once, applied to each
 * of the chunk's items. The results go back as one run of values ({@link ValueRun}), which is what
 * makes a map of 100 000 tiny items cheap.
 */
final class PoolChunk {

    private final Pool.Task<Object, Object> task;
    private final Pool.StarTask<Object, Object, Object> starTask;
    private final Object[] firsts;
    private final Object[] seconds;

    private PoolChunk(Pool.Task<Object, Object> task, Pool.StarTask<Object, Object, Object> starTask,
                      Object[] firsts, Object[] seconds) {
        this.task = task;
        this.starTask = starTask;
        this.firsts = firsts;
        this.seconds = seconds;
    }

    static PoolChunk map(Pool.Task<Object, Object> task, Object[] items) {
        return new PoolChunk(task, null, items, null);
    }

    static PoolChunk starmap(Pool.StarTask<Object, Object, Object> task, Object[] firsts, Object[] seconds) {
        return new PoolChunk(null, task, firsts, seconds);
    }

    Object[] run() throws Exception {
        Object[] results = new Object[firsts.length];
        for (int i = 0; i < firsts.length; i++) {
            results[i] = task != null ? task.apply(firsts[i]) : starTask.apply(firsts[i], seconds[i]);
        }
        return results;
    }
}
