package dev.mp4j.launcher.managers;

/**
 * Python's {@code multiprocessing.managers.RemoteError}: a call on a Manager's object failed on the
 * server with an exception that is not re-thrown as itself here (a checked one, or one this JVM cannot
 * read back). The message carries the server's traceback; the cause is the original when readable.
 */
public final class RemoteError extends RuntimeException {

    public RemoteError(String message, Throwable cause) {
        super(message, cause);
    }
}
