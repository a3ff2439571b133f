package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.timeline.Timeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies one output stream of a child JVM to this JVM's {@code System.out} or {@code System.err}, a whole
 * line at a time. The target stream is looked up for every line, so a test that swaps {@code System.out}
 * sees what children print, and lines from different children never mix within a line.
 */
final class OutputPump implements Runnable {

    /** Where the lines go: this JVM's stream of that name at the time of each line. */
    enum Console {
        OUT, ERR;

        PrintStream current() {
            return this == OUT ? System.out : System.err;
        }
    }

    private final InputStream childStream;
    private final Console target;
    private final BootWatch watch;
    private final Thread thread;

    /** A class, not a lambda: every start() makes two, the first ones in a JVM still cold. */
    private OutputPump(InputStream childStream, Console target, String threadName, BootWatch watch) {
        this.childStream = childStream;
        this.target = target;
        this.watch = watch;
        this.thread = new Thread(this, threadName);
        thread.setDaemon(true);
    }

    /** {@code watch} sees every line first and keeps the launcher's own lines off the console. */
    static OutputPump start(InputStream childStream, Console target, String threadName, BootWatch watch) {
        OutputPump pump = new OutputPump(childStream, target, threadName, watch);
        pump.thread.start();
        return pump;
    }

    @Override
    public void run() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(childStream, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (watch.swallow(line)) {
                    continue;
                }
                if (Timeline.RECORDING && (line = Timeline.fromChild(line)) == null) continue; // an event, not a line
                PrintStream out = target.current();
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
