package dev.mp4j.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Captures what this JVM, and every child it starts, prints to {@code System.out} and {@code System.err}
 * while a block runs. Children's lines arrive through the launcher's output pumps, so join the children
 * (or let the example's main join them) before reading. Each line of {@code System.out} is also noted
 * with the time it arrived ({@link #outTimedLines()}), so a timing check can measure the work itself
 * rather than JVM start-up.
 *
 * <pre>{@code
 * try (ConsoleCapture console = ConsoleCapture.start()) {
 *     SomeExample.main(new String[0]);
 *     assertThat(console.outLines()).containsSubsequence("end...", "hello derek");
 * }
 * }</pre>
 */
public final class ConsoleCapture implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LineClock clock = new LineClock();

    /** A line of {@code System.out} and the {@link System#nanoTime()} at which its end arrived. */
    public record Line(String text, long nanos) {
    }

    private ConsoleCapture() {
        System.setOut(new PrintStream(new Tee(out, originalOut, clock), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, originalErr, null), true, StandardCharsets.UTF_8));
    }

    public static ConsoleCapture start() {
        return new ConsoleCapture();
    }

    public String out() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    public List<String> outLines() {
        return out().lines().toList();
    }

    public List<String> errLines() {
        return err().lines().toList();
    }

    /** The complete lines of {@code System.out} so far, each with its arrival time. */
    public List<Line> outTimedLines() {
        return clock.lines();
    }

    /** Seconds from the first line matching {@code from} to the last line matching {@code to}. */
    public double secondsBetween(Predicate<String> from, Predicate<String> to) {
        List<Line> all = outTimedLines();
        long start = all.stream().filter(line -> from.test(line.text())).mapToLong(Line::nanos).min()
                .orElseThrow(() -> new AssertionError("no start line in " + outLines()));
        long end = all.stream().filter(line -> to.test(line.text())).mapToLong(Line::nanos).max()
                .orElseThrow(() -> new AssertionError("no end line in " + outLines()));
        return (end - start) / 1e9;
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Notes when each line ends. */
    private static final class LineClock {
        private final List<Line> lines = new ArrayList<>();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    String text = partial.toString(StandardCharsets.UTF_8);
                    lines.add(new Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, System.nanoTime()));
                    partial.reset();
                } else {
                    partial.write(bytes[i]);
                }
            }
        }

        synchronized List<Line> lines() {
            return List.copyOf(lines);
        }
    }

    /** Keeps a copy (and the lines' times, for stdout) and still shows the output on the real console. */
    private static final class Tee extends java.io.OutputStream {
        private final ByteArrayOutputStream copy;
        private final PrintStream console;
        private final LineClock clock;

        Tee(ByteArrayOutputStream copy, PrintStream console, LineClock clock) {
            this.copy = copy;
            this.console = console;
            this.clock = clock;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            if (clock != null) {
                clock.write(bytes, offset, length);
            }
            console.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            console.flush();
        }
    }
}
