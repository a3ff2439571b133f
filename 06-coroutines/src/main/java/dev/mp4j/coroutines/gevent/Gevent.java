package dev.mp4j.coroutines.gevent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.Callable;

/**
 * gevent's module functions on top of {@link Greenlet}: {@code spawn}, {@code joinall}, {@code sleep},
 * and {@link #io(Callable)}, which plays the part of {@code monkey.patch_all()}.
 *
 * <p>All greenlets spawned from one thread share that thread's {@link Hub} and run one at a time, so
 * the article's orderings are deterministic. A greenlet gives way only when it calls {@link #sleep},
 * {@link #joinall} or {@link #io}: any other blocking call (a plain {@code Thread.sleep}, an unwrapped
 * socket read) stalls every greenlet of the hub, exactly the drawback the article lists for coroutines.
 * gevent avoids that for the standard library by monkey-patching it; Java cannot patch the JDK, so the
 * call is wrapped instead. Plain virtual threads need neither: the JDK already parks a virtual thread
 * on blocking IO and frees its carrier.
 */
public final class Gevent {

    private Gevent() {
    }

    /** {@code gevent.spawn(run)}: a greenlet that starts the next time the hub runs. */
    public static Greenlet spawn(Runnable run) {
        return Hub.current().spawn(run);
    }

    /** {@code gevent.joinall([...])}: lets the hub run until every given greenlet is dead. */
    public static void joinall(Greenlet... greenlets) {
        joinall(Arrays.asList(greenlets));
    }

    /** {@code gevent.joinall(greenlets)}. */
    public static void joinall(Collection<Greenlet> greenlets) {
        Hub.current().joinAll(greenlets);
    }

    /**
     * {@code gevent.kill(greenlet)}: raises {@link GreenletExit} in it the next time the hub runs and
     * waits until it is dead. Killing the calling greenlet ends it at once.
     */
    public static void kill(Greenlet greenlet) {
        Hub.current().kill(greenlet);
    }

    /**
     * {@code gevent.sleep(seconds)}: this greenlet waits (on the {@link dev.mp4j.launcher.Time} scale)
     * while the others run; {@code sleep(0)} just lets every other ready greenlet go first.
     */
    public static void sleep(double seconds) {
        if (seconds < 0 || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("sleep length must be a non-negative number, was " + seconds);
        }
        Hub.current().sleep(seconds);
    }

    /**
     * Runs a blocking call (socket, HTTP, file) while the other greenlets run: what a monkey-patched
     * socket does in gevent. The calling greenlet resumes, in the hub's order, after the call returns;
     * its exception, if any, is rethrown here (an {@link IOException} as {@link UncheckedIOException},
     * since greenlet bodies are plain {@link Runnable}s, as untyped as Python's functions).
     */
    public static <T> T io(Callable<T> blockingCall) {
        try {
            return Hub.current().io(blockingCall);
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code gevent.get_hub()}: this thread's hub. */
    public static Hub getHub() {
        return Hub.current();
    }
}
