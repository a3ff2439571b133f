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
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
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
