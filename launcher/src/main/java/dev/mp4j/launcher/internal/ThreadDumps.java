package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM's thread dump, from {@code jcmd <pid> Thread.print} in this JVM's {@code java.home}: it
 * attaches through the JDK's attach mechanism, which works on Linux, macOS and Windows alike (SIGQUIT
 * would print the dump only where signals exist, and onto the child's own stdout).
 */
public final class ThreadDumps {

    private static final long JCMD_TIMEOUT_SECONDS = 30;

    private ThreadDumps() {
    }

    /** The dump's text, starting with {@code jcmd}'s {@code <pid>:} line; {@code name} is for errors. */
    public static String of(long pid, String name) {
        String exe = System.getProperty("os.name").startsWith("Windows") ? "jcmd.exe" : "jcmd";
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", exe);
        if (!Files.isExecutable(jcmd)) {
            throw new UnsupportedOperationException("cannot take a thread dump of " + name + ": no " + jcmd
                    + " (this JVM is a runtime without the JDK tools)");
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            String text = output.get(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int exit = process.waitFor();
            if (exit != 0 || !text.contains("Full thread dump")) {
                throw new IllegalStateException("jcmd could not take a thread dump of " + name + " (pid " + pid
                        + ", jcmd exit code " + exit + "): " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + jcmd, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("jcmd took more than " + JCMD_TIMEOUT_SECONDS + " s for a thread dump of " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking a thread dump of " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read jcmd's output", e.getCause());
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
