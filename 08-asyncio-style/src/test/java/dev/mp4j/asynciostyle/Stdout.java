package dev.mp4j.asynciostyle;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;

/** Runs a main in-process with System.out captured (every thread's prints, loop and tasks included). */
public final class Stdout {

    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private Stdout() {
    }

    /** The capture in progress, if any. */
    private static volatile ConsoleCapture current;

    /** The lines printed so far by the capture in progress (for a scripted user who reacts to output). */
    public static List<String> linesSoFar() {
        ConsoleCapture console = current;
        return console == null ? List.of() : console.outLines();
    }

    /**
     * The scripted user who presses Ctrl+C after reading the output: once {@code lines} lines have
     * been printed, runs {@code press}. Reacting to output instead of a clock keeps the test right on
     * a machine too loaded for fixed delays.
     */
    public static Thread pressWhenPrinted(int lines, Runnable press) {
        return Thread.ofVirtual().name("ctrl-c-when-printed").start(() -> {
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                        .pollInterval(java.time.Duration.ofMillis(20))
                        .until(() -> linesSoFar().size() >= lines);
                press.run();
            } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
                press.run();   // end the example anyway; its assertion will show what was missing
            }
        });
    }

    /** The lines {@code body} printed; what it printed is echoed to the real stdout too. */
    public static List<String> capture(Body body) throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            current = console;
            try {
                body.run();
            } finally {
                current = null;
                // Like the end of a Python process: this thread's default loop goes away with the main.
                dev.mp4j.asynciostyle.loop.EventLoop loop = dev.mp4j.asynciostyle.loop.Asyncio.getEventLoop();
                if (!loop.isRunning()) {
                    loop.close();
                }
                dev.mp4j.asynciostyle.loop.Asyncio.setEventLoop(null);
            }
            return console.outLines();
        }
    }

    /**
     * Runs {@code body} on a coarser time scale: at 0.05 a 4 s sleep is 0.2 s, the same order as a
     * cold JVM's first-run overhead on a loaded machine, which would drown a timing ratio.
     */
    public static List<String> captureAtScale(double scale, Body body) throws Exception {
        setScaleAndRun(0.01, body);   // warm-up: class loading and JIT are not what the ratio is about
        return setScaleAndRun(scale, body);
    }

    /** {@link #capture} at {@code scale}, without the warm-up run. */
    public static List<String> captureOnceAtScale(double scale, Body body) throws Exception {
        return setScaleAndRun(scale, body);
    }

    private static List<String> setScaleAndRun(double scale, Body body) throws Exception {
        String previous = System.getProperty(dev.mp4j.launcher.Time.SCALE_PROPERTY);
        System.setProperty(dev.mp4j.launcher.Time.SCALE_PROPERTY, Double.toString(scale));
        try {
            return capture(body);
        } finally {
            if (previous == null) {
                System.clearProperty(dev.mp4j.launcher.Time.SCALE_PROPERTY);
            } else {
                System.setProperty(dev.mp4j.launcher.Time.SCALE_PROPERTY, previous);
            }
        }
    }

    /** One article second on the test time scale, in seconds (0.05 under Surefire). */
    public static double unit() {
        return dev.mp4j.launcher.Time.scaled(1).toNanos() / 1e9;
    }

    /** Seconds printed after a prefix, e.g. {@code TIME:  4.0035} → 4.0035. */
    public static double seconds(List<String> lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
    }
}
