package dev.mp4j.launcher;

/**
 * An object could not be sent to another process. Thrown in the caller's thread, at the call that
 * tried to send it ({@code start}, {@code put}, {@code send}, {@code applyAsync}), naming the class
 * that could not be serialized; CPython instead drops such an item in a feeder thread.
 */
public final class SerializationException extends IllegalArgumentException {

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
