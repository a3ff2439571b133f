package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.timeline.Timeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Copies one output stream of a child JVM to this JVM's {@code System.out} or {@code System.err}, a whole
 * line at a time. The target stream is looked up for every line, so a test that swaps {@code System.out}
 * sees what children print, and lines from different children never mix within a line.
 */
final class OutputPump {

    private final Thread thread;

    private OutputPump(Thread thread) {
        this.thread = thread;
    }

    /** {@code watch} sees every line first and keeps the launcher's own lines off the console. */
    static OutputPump start(InputStream childStream, Supplier<PrintStream> target, String threadName, BootWatch watch) {
        Thread thread = Thread.ofPlatform().daemon().name(threadName).start(() -> copyLines(childStream, target, watch));
        return new OutputPump(thread);
    }

    private static void copyLines(InputStream childStream, Supplier<PrintStream> target, BootWatch watch) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(childStream, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (watch.swallow(line)) {
                    continue;
                }
                if (Timeline.RECORDING && (line = Timeline.fromChild(line)) == null) continue; // an event, not a line
                PrintStream out = target.get();
                synchronized (out) {
                    out.println(line);
                }
            }
        } catch (IOException ignored) {
            // the child is gone; whatever it wrote before has been copied
        }
    }

    /** Waits until the child's stream is closed and every line has been copied. */
    boolean awaitDrained(long millis) throws InterruptedException {
        return thread.join(java.time.Duration.ofMillis(Math.max(1, millis)));
    }
}
