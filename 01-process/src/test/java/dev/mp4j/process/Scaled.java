package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Time;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/** Runs a block with another time scale (children started inside inherit it), then restores the old one. */
final class Scaled {

    @FunctionalInterface
    interface Block {
        void run() throws Exception;
    }

    private Scaled() {
    }

    static void run(double scale, Block block) throws Exception {
        String previous = System.getProperty(Time.SCALE_PROPERTY);
        System.setProperty(Time.SCALE_PROPERTY, Double.toString(scale));
        try {
            block.run();
        } finally {
            if (previous == null) {
                System.clearProperty(Time.SCALE_PROPERTY);
            } else {
                System.setProperty(Time.SCALE_PROPERTY, previous);
            }
        }
    }

    /**
     * Runs a timing check at each scale in turn until it passes; the last failure is rethrown. Starting a
     * JVM is not free (a fraction of a second, seconds on a busy machine), so a claim such as "two 2 s
     * tasks in two processes take 2 s" only shows once the sleeps are long against that start-up: the
     * check starts short and lengthens the sleeps when the machine is slow. If it still fails while the
     * machine is saturated (load average above twice the cores: child JVMs then take seconds to boot, and
     * a busy JVM gets a share of the CPU however many threads it runs), the timing claim cannot be judged
     * and the test is reported as aborted, not failed; on a machine with free cores it fails.
     */
    static void atSomeScale(Block check, double... scales) throws Exception {
        AssertionError last = null;
        for (double scale : scales) {
            awaitChildren(); // a failed attempt's children (mains that do not join) must not print into the next
            try {
                run(scale, check);
                return;
            } catch (AssertionError failed) {
                last = failed;
                System.err.println("[timing check failed at time scale " + scale + ", trying longer sleeps] " + failed.getMessage());
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (load > 2.0 * cores) {
            Assumptions.abort("timing not judged: load average " + load + " on " + cores + " cores; last failure: " + last.getMessage());
        }
        throw last;
    }

    private static void awaitChildren() throws InterruptedException {
        for (ChildProcess child : Multiprocessing.activeChildren()) {
            child.join(Duration.ofSeconds(30));
        }
    }

    /** Runs a main that renames its thread {@code MainThread} (as Python names it) and restores the name. */
    static void asMainThread(Block main) throws Exception {
        Thread self = Thread.currentThread();
        String name = self.getName();
        try {
            main.run();
        } finally {
            self.setName(name);
        }
    }
}
