package dev.mp4j.asynciostyle.loop;

/** asyncio's {@code InvalidStateError}: e.g. {@code result()} of a future that is not done yet. */
public final class InvalidStateError extends IllegalStateException {

    public InvalidStateError(String message) {
        super(message);
    }
}
