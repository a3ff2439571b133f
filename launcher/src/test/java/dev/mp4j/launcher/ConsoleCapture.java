package dev.mp4j.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what this JVM, and every child it starts, prints to {@code System.out} and {@code System.err}
 * while a block runs. Children's lines arrive through the launcher's output pumps, so join the children
 * (or let the example's main join them) before reading.
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

    private ConsoleCapture() {
        System.setOut(new PrintStream(new Tee(out, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, originalErr), true, StandardCharsets.UTF_8));
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

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Keeps a copy and still shows the output on the real console. */
    private static final class Tee extends java.io.OutputStream {
        private final ByteArrayOutputStream copy;
        private final PrintStream console;

        Tee(ByteArrayOutputStream copy, PrintStream console) {
            this.copy = copy;
            this.console = console;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            console.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            console.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            console.flush();
        }
    }
}
