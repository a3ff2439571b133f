package dev.mp4j.launcher;

/** Python's {@code AuthenticationError}: the peer did not prove it knows the authkey. */
public final class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }
}
