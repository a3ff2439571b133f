package dev.mp4j.process;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Captures {@code System.out} (this JVM's lines and, through the launcher's pumps, its children's) with
 * the time each line arrived, so timing checks can measure the work itself rather than JVM start-up.
 */
final class TimedConsole implements AutoCloseable {

    record Line(String text, long nanos) {
    }

    private final PrintStream original = System.out;
    private final List<Line> lines = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    private TimedConsole() {
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (lines) {
                    if (b == '\n') {
                        String text = partial.toString(StandardCharsets.UTF_8);
                        lines.add(new Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, System.nanoTime()));
                        partial.reset();
                    } else {
                        partial.write(b);
                    }
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    static TimedConsole start() {
        return new TimedConsole();
    }

    List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    List<String> texts() {
        return lines().stream().map(Line::text).toList();
    }

    /** Seconds from the first line matching {@code from} to the last line matching {@code to}. */
    double secondsBetween(Predicate<String> from, Predicate<String> to) {
        List<Line> all = lines();
        long start = all.stream().filter(l -> from.test(l.text())).mapToLong(Line::nanos).min()
                .orElseThrow(() -> new AssertionError("no start line in " + texts()));
        long end = all.stream().filter(l -> to.test(l.text())).mapToLong(Line::nanos).max()
                .orElseThrow(() -> new AssertionError("no end line in " + texts()));
        return (end - start) / 1e9;
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }
}
