package dev.mp4j.selectors;

/**
 * What the two echo servers of this chapter share, so a test or a load client can start either on
 * port 0, read the port back and stop it.
 */
public interface EchoServer extends AutoCloseable {

    /** The port the server listens on (the real one when it was opened on port 0). */
    int port();

    /** Starts serving in the background and returns at once. */
    EchoServer start();

    /** Blocks until {@link #close()} is called from elsewhere (a main's "serve forever"). */
    void awaitClose() throws InterruptedException;

    /** Stops accepting, closes every connection and waits for the serving threads to end. */
    @Override
    void close();
}
