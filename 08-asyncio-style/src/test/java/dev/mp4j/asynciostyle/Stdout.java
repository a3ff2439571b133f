package dev.mp4j.asynciostyle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a main in-process with System.out captured (every thread's prints, loop and tasks included). */
public final class Stdout {

    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private Stdout() {
    }

    /** The lines {@code body} printed; what it printed is echoed to the real stdout too. */
    public static List<String> capture(Body body) throws Exception {
        PrintStream real = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                bytes.write(b);
                real.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
                real.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        try {
            body.run();
        } finally {
            tee.flush();
            System.setOut(real);
            // Like the end of a Python process: this thread's default loop goes away with the main.
            dev.mp4j.asynciostyle.loop.EventLoop loop = dev.mp4j.asynciostyle.loop.Asyncio.getEventLoop();
            if (!loop.isRunning()) {
                loop.close();
            }
            dev.mp4j.asynciostyle.loop.Asyncio.setEventLoop(null);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
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
