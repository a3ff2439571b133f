package dev.mp4j.coroutines.gevent;

/**
 * gevent's {@code LoopExit}: the hub has nothing left to run, no timer and no IO in flight, yet someone
 * waits (e.g. {@code joinall} on a greenlet that waits for itself). Raised in the waiting main greenlet
 * instead of hanging forever.
 */
public final class LoopExit extends RuntimeException {

    public LoopExit(String message) {
        super(message);
    }
}
