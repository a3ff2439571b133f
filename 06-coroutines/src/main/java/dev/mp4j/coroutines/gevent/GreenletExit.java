package dev.mp4j.coroutines.gevent;

/**
 * greenlet's {@code GreenletExit}: raised in a greenlet to end it ({@link Greenlet#kill()}). It does not
 * propagate to the parent: the parent receives the exception object as the switch's value instead.
 */
public final class GreenletExit extends RuntimeException {

    public GreenletExit() {
        super("greenlet killed", null, false, false);
    }
}
