package dev.mp4j.asynciostyle.support;

import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.launcher.Time;
import java.util.concurrent.CancellationException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C for the examples. Python turns SIGINT into {@code KeyboardInterrupt} in the main thread; the
 * JVM would simply exit. While installed, a real Ctrl+C runs {@code onPress} instead (typically
 * {@code loop::interrupt}, which raises {@code KeyboardInterrupt} out of {@code runUntilComplete}),
 * and {@link #pressAfter(double)} presses it on a timer, the scripted user of tests and plain runs.
 */
public final class CtrlC implements AutoCloseable {

    private final Runnable onPress;
    private final SignalHandler previous;
    private volatile Thread timer;

    private CtrlC(Runnable onPress) {
        this.onPress = onPress;
        SignalHandler old;
        try {
            old = Signal.handle(new Signal("INT"), signal -> press());
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            old = null;   // no SIGINT here (some IDE consoles, -Xrs): the scripted press still works
        }
        this.previous = old;
    }

    /** While the returned object is open, Ctrl+C runs {@code onPress}. */
    public static CtrlC install(Runnable onPress) {
        return new CtrlC(onPress);
    }

    /** Ctrl+C aimed at a thread that is not running a loop: interrupts it (see {@link #sleep(double)}). */
    public static CtrlC interrupting(Thread main) {
        return install(main::interrupt);
    }

    /**
     * Python's {@code time.sleep} in the main thread, where Ctrl+C raises {@code KeyboardInterrupt}:
     * an interrupt (from {@link #interrupting(Thread)}) ends the sleep with {@link KeyboardInterrupt}.
     */
    public static void sleep(double seconds) {
        try {
            Time.sleep(seconds);
        } catch (CancellationException e) {
            Thread.interrupted();
            throw new KeyboardInterrupt();
        }
    }

    /** Raises {@link KeyboardInterrupt} if Ctrl+C interrupted this thread (checked between blocking calls). */
    public static void check() {
        if (Thread.interrupted()) {
            throw new KeyboardInterrupt();
        }
    }

    /** Presses Ctrl+C once, now. */
    public void press() {
        onPress.run();
    }

    /** Presses Ctrl+C after the article's {@code seconds} (scaled); a negative value never presses. */
    public CtrlC pressAfter(double seconds) {
        if (seconds >= 0) {
            timer = Thread.ofVirtual().name("ctrl-c").start(() -> {
                try {
                    Time.sleep(seconds);
                } catch (CancellationException closed) {
                    return;
                }
                press();
            });
        }
        return this;
    }

    @Override
    public void close() {
        Thread pending = timer;
        if (pending != null) {
            pending.interrupt();
        }
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
    }
}
