package dev.mp4j.launcher.pool;

/**
 * One unit of pool work as the parent tracks it: a number (for error messages), the job encoded in the
 * caller's thread ({@link PoolJob}), and where its outcome goes.
 */
final class PoolTask {

    /** Receives a task's outcome exactly once: a value, or the exception to re-raise. */
    @FunctionalInterface
    interface Outcome {
        void settle(Object value, Throwable failure);
    }

    final long id;
    final PoolJob job;
    final Outcome outcome;

    PoolTask(long id, PoolJob job, Outcome outcome) {
        this.id = id;
        this.job = job;
        this.outcome = outcome;
    }
}
