package dev.mp4j.launcher.pool;

import java.io.Serial;

/**
 * A pool worker died (killed, {@code System.exit}, crashed) while it held a task: that task's result
 * fails with this instead of waiting forever, which is what CPython's Pool does (bpo-22393). The message
 * names the worker, its pid, its exit code and the task, e.g.
 * {@code worker PoolWorker-3 (pid 1234) died with exitcode -9 while running task 17}.
 */
public final class WorkerDiedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public WorkerDiedException(String message) {
        super(message);
    }
}
