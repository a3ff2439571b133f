package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.Serialization;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;

/**
 * A task's exception on its way from a worker to the parent. The exception itself travels as separate
 * bytes, so that one the parent cannot read (its class missing or refused by the filter) still arrives
 * as its class name, message and stack trace text.
 */
final class PoolFailure implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] exception;
    private final String className;
    private final String message;
    private final String trace;

    private PoolFailure(byte[] exception, String className, String message, String trace) {
        this.exception = exception;
        this.className = className;
        this.message = message;
        this.trace = trace;
    }

    /** In the worker: captures {@code error} and its stack trace text. */
    static PoolFailure of(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        byte[] bytes;
        try {
            bytes = Serialization.toBytes(error, "an exception");
        } catch (RuntimeException unserializable) {
            bytes = null;
        }
        return new PoolFailure(bytes, error.getClass().getName(), error.getMessage(), text.toString());
    }

    /** In the parent: the exception to re-raise, its cause a {@link RemoteTraceback} naming the worker. */
    Throwable toException(String worker) {
        RemoteTraceback remote = new RemoteTraceback("\n\"\"\"\nin " + worker + ":\n" + trace + "\"\"\"");
        Throwable error = null;
        if (exception != null) {
            try {
                error = (Throwable) Serialization.fromBytes(exception);
            } catch (Exception | LinkageError unreadable) {
                error = null;
            }
        }
        if (error == null) {
            return new CompletionException(className + (message == null ? "" : ": " + message), remote);
        }
        attach(error, remote);
        return error;
    }

    /** Sets {@code remote} as the cause at the end of the exception's cause chain, or as suppressed. */
    private static void attach(Throwable error, RemoteTraceback remote) {
        Throwable last = error;
        for (int depth = 0; last.getCause() != null && depth < 32; depth++) {
            last = last.getCause();
        }
        try {
            last.initCause(remote);
        } catch (IllegalStateException | IllegalArgumentException causeAlreadySet) {
            error.addSuppressed(remote);
        }
    }
}
