package dev.mp4j.launcher.pool;

import java.io.Serial;

/**
 * CPython's {@code multiprocessing.pool.RemoteTraceback}: attached as the cause of an exception that a
 * pool task raised in a worker, its message is the worker's stack trace as text, headed by the worker's
 * name and pid. It has no stack trace of its own (the parent's would only show the result handler).
 */
public final class RemoteTraceback extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public RemoteTraceback(String remoteTrace) {
        super(remoteTrace, null, false, false);
    }
}
