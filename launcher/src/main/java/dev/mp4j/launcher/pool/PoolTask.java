package dev.mp4j.launcher.pool;

/**
 * One unit of pool work as the parent tracks it: a number (for error messages), the job serialized in
 * the caller's thread (a {@link Pool.Call} or a {@link PoolChunk}), and where its outcome goes.
 */
final class PoolTask {

    /** Receives a task's outcome exactly once: a value, or the exception to re-raise. */
    @FunctionalInterface
    interface Outcome {
        void settle(Object value, Throwable failure);
    }

    final long id;
    final byte[] job;
    final Outcome outcome;

    PoolTask(long id, byte[] job, Outcome outcome) {
        this.id = id;
        this.job = job;
        this.outcome = outcome;
    }
}
