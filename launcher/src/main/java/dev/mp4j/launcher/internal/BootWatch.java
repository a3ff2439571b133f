package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells whether a new child JVM got as far as running {@link ChildMain}. The child prints {@link #BOOTED}
 * on its standard error first thing; until then the lines it prints on either stream (HotSpot reports a
 * refused option on one or the other) are kept, so a JVM that exits before it boots fails
 * {@code start()} with its own words. A JDWP agent that waits for a debugger announces its port on
 * standard output before {@code main} runs: that counts as booted too, and the port is noted.
 */
final class BootWatch {

    static final String BOOTED = "\u0010mp4j-child-booted";
    private static final String JDWP_LISTENING = "Listening for transport dt_socket at address: ";
    private static final int MAX_EARLY_LINES = 40;
    private static final long BOOT_TIMEOUT_SECONDS = 120;

    private final CompletableFuture<Void> booted = new CompletableFuture<>();
    private final List<String> earlyLines = new ArrayList<>();
    private volatile Integer debugPort;

    /** Called by the output pumps for every line; true when the line is ours and must not be copied. */
    boolean swallow(String line) {
        if (booted.isDone() && debugPort == null) {
            return false;
        }
        if (line.equals(BOOTED)) {
            booted.complete(null);
            return true;
        }
        if (line.startsWith(JDWP_LISTENING)) {
            String address = line.substring(JDWP_LISTENING.length()).trim();
            debugPort = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            booted.complete(null);
            return true;
        }
        synchronized (earlyLines) {
            if (!booted.isDone() && earlyLines.size() < MAX_EARLY_LINES) {
                earlyLines.add(line);
            }
        }
        return false;
    }

    /** The port a JDWP agent listens on, once it has said so; else null. */
    Integer debugPort() {
        return debugPort;
    }

    /** Returns once the child runs (or waits for a debugger); throws with what it printed if it exited first. */
    void await(SpawnedJvm jvm) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_TIMEOUT_SECONDS);
        try {
            while (true) {
                try {
                    booted.get(20, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException notYet) {
                    if (!jvm.process().isAlive()) {
                        jvm.awaitOutput(2_000);
                        if (booted.isDone()) {
                            return; // it booted, then ended: its exit code tells the rest
                        }
                        throw new IOException("the child JVM exited with code " + jvm.process().exitValue()
                                + " before it started: " + String.join(System.lineSeparator(), earlyLines()));
                    }
                    if (System.nanoTime() > deadline) {
                        jvm.process().destroyForcibly();
                        throw new IOException("the child JVM did not start within " + BOOT_TIMEOUT_SECONDS + " s");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jvm.process().destroyForcibly();
            throw new IOException("interrupted while the child JVM started", e);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private List<String> earlyLines() {
        synchronized (earlyLines) {
            return List.copyOf(earlyLines);
        }
    }
}
