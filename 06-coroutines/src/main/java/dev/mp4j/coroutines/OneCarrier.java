package dev.mp4j.coroutines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.mp4j.launcher.Time;

/**
 * Runs a main on a JVM whose virtual threads share exactly one carrier thread, the closest Java gets
 * to gevent's single OS thread. The virtual-thread scheduler reads its size once, at JVM start, so a
 * main that is not yet on such a JVM restarts itself in a child JVM with the flags and relays the
 * child's output to {@code System.out} (so the IDE's Run, the runner script and the tests all see it).
 */
final class OneCarrier {

    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    static final String MAX_POOL_SIZE = "jdk.virtualThreadScheduler.maxPoolSize";
    /** Settings of the examples that the child must see too. */
    private static final List<String> PASSED_ON = List.of(Time.SCALE_PROPERTY, "port", "clients");

    private static final long CHILD_LIMIT_MINUTES = 5;

    private OneCarrier() {
    }

    /** True if this JVM already runs virtual threads on a single carrier. */
    static boolean active() {
        return "1".equals(System.getProperty(PARALLELISM)) && "1".equals(System.getProperty(MAX_POOL_SIZE));
    }

    /**
     * Runs {@code main} in a child JVM with one carrier, relaying its output; returns when it exits.
     * Fails if the child fails.
     */
    static void relaunch(Class<?> main, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + PARALLELISM + "=1",
                "-D" + MAX_POOL_SIZE + "=1",
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8"));
        for (String property : PASSED_ON) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(args));
        java.lang.Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The examples end in seconds; a child that does not is stopped rather than left behind.
        Thread.ofVirtual().start(() -> {
            try {
                if (!child.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println(line);
            }
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        int exit = child.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(main.getSimpleName() + " on one carrier exited with code " + exit);
        }
    }

    /** Records the carrier the calling virtual thread is mounted on (from its {@code toString()}). */
    static void noteCarrier(Set<String> carriers) {
        String self = Thread.currentThread().toString(); // e.g. VirtualThread[#23]/runnable@ForkJoinPool-1-worker-1
        int at = self.lastIndexOf('@');
        carriers.add(at < 0 ? "unknown" : self.substring(at + 1));
    }

    static Set<String> newCarrierSet() {
        return ConcurrentHashMap.newKeySet();
    }
}
