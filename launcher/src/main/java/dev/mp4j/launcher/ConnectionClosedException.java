package dev.mp4j.launcher;

import java.io.EOFException;
import java.io.UncheckedIOException;

/**
 * Python's {@code EOFError}: the other end of a connection was closed (or its process died), so there
 * is nothing more to receive. Raised instead of blocking forever.
 */
public final class ConnectionClosedException extends UncheckedIOException {

    public ConnectionClosedException(String message) {
        super(message, new EOFException(message));
    }
}
