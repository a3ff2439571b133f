package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The moments of a child's start, on the machine's monotonic clock ({@code System.nanoTime()} is
 * CLOCK_MONOTONIC on Linux, shared by every process), so a parent can line them up with its own. A
 * stamp is one native call; the line is written only when the parent set {@value #PROPERTY} to a file,
 * which the child appends to: {@code pid main payloadRead deserialized running}.
 */
final class StartTrace {

    static final String PROPERTY = "mp4j.startTrace";

    private final long main = System.nanoTime();
    private long payloadRead;
    private long deserialized;

    void payloadRead() {
        payloadRead = System.nanoTime();
    }

    void deserialized() {
        deserialized = System.nanoTime();
    }

    /** Called just before the target runs, once the parent's settings are in place. */
    void running() {
        long running = System.nanoTime();
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        // a builder, not +: linking string concatenation would cost the traced child milliseconds
        String line = new StringBuilder().append(ProcessHandle.current().pid()).append(' ').append(main).append(' ')
                .append(payloadRead).append(' ').append(deserialized).append(' ').append(running)
                .append(System.lineSeparator()).toString();
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // tracing is a measuring aid: it never fails a child
        }
    }
}
