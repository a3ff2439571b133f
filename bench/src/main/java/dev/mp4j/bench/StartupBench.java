package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Lock;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a child start's time goes, on the child's own clock: the launcher stamps the moments of a
 * child's start ({@code -Dmp4j.startTrace=<file>}, monotonic nanos shared by every process on Linux)
 * and this suite lines them up with its own {@code start()} and {@code join()}. Measured without a
 * spare (every start boots a JVM) and with a booted spare, plus the CPU and resident memory of a
 * child that sits idle in its target, beside those of a bare JVM that only sleeps (the floor). Without a
 * spare and with one it also starts a target that captures a {@code Queue} and a {@code Lock}, as most of
 * the chapters' targets do: the decode phase is where the handles' own cost shows.
 */
public final class StartupBench {

    private static final int RUNS = 11;
    private static final long PAUSE_FOR_SPARE_MILLIS = 700;
    private static final long IDLE_SAMPLE_MILLIS = 800;
    private static final long CLOCK_TICK_MILLIS = 10; // USER_HZ = 100 on Linux

    private StartupBench() {
    }

    static void noop() {
        // the trivial target
    }

    static void holding(Queue<String> queue, Lock lock) {
        // the trivial target, with the two handles a chapter's target typically captures
    }

    static void idle() throws InterruptedException {
        Thread.sleep(IDLE_SAMPLE_MILLIS + 700);
    }

    /** One traced start+join: the parent's stamps and the child's. */
    private record Stamps(long startCalled, long startReturned, long main, long payloadRead, long deserialized,
                          long running, long exitSeen) {
    }

    public static void main(String[] args) throws Exception {
        Path trace = Files.createTempFile("mp4j-bench-trace-", ".txt");
        try {
            System.setProperty("mp4j.startTrace", trace.toString());
            System.setProperty("mp4j.spare", "false");
            Stamps first = tracedStartJoin(trace);
            Figures.print("startup.first_start_join", ms(first.exitSeen - first.startCalled), "ms");
            Queue<String> queue = new Queue<>();
            Lock lock = new Lock();
            Target holdingBoth = () -> holding(queue, lock);
            List<Stamps> cold = new ArrayList<>();
            List<Stamps> coldHandles = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) { // alternated, so both see the same machine
                cold.add(tracedStartJoin(trace));
                coldHandles.add(tracedStartJoin(trace, holdingBoth));
            }
            printPhases("startup.no_spare", cold, true);
            printPhases("startup.no_spare_queue_lock", coldHandles, true);

            System.setProperty("mp4j.spare", "true");
            tracedStartJoin(trace); // boots the spare
            List<Stamps> spare = new ArrayList<>();
            List<Stamps> spareHandles = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Thread.sleep(PAUSE_FOR_SPARE_MILLIS);
                spare.add(tracedStartJoin(trace));
                Thread.sleep(PAUSE_FOR_SPARE_MILLIS);
                spareHandles.add(tracedStartJoin(trace, holdingBoth));
            }
            printPhases("startup.spare_ready", spare, false);
            printPhases("startup.spare_ready_queue_lock", spareHandles, false);
            idleChild();
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    private static Stamps tracedStartJoin(Path trace) throws Exception {
        return tracedStartJoin(trace, StartupBench::noop);
    }

    private static Stamps tracedStartJoin(Path trace, Target target) throws Exception {
        long startCalled = System.nanoTime();
        ChildProcess child = new ChildProcess(target);
        child.start();
        long startReturned = System.nanoTime();
        child.join();
        long exitSeen = System.nanoTime();
        long[] childStamps = childStamps(trace, child.pid());
        return new Stamps(startCalled, startReturned, childStamps[0], childStamps[1], childStamps[2], childStamps[3], exitSeen);
    }

    private static long[] childStamps(Path trace, long pid) throws IOException {
        for (String line : Files.readAllLines(trace).reversed()) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 5 && Long.parseLong(parts[0]) == pid) {
                return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]), Long.parseLong(parts[4])};
            }
        }
        throw new IllegalStateException("child " + pid + " left no start trace in " + trace);
    }

    private static void printPhases(String prefix, List<Stamps> runs, boolean booted) {
        Figures.print(prefix + ".start_call", median(runs, s -> s.startReturned - s.startCalled), "ms");
        if (booted) {
            Figures.print(prefix + ".start_to_main", median(runs, s -> s.main - s.startCalled), "ms");
            Figures.print(prefix + ".main_to_payload_read", median(runs, s -> s.payloadRead - s.main), "ms");
        } else {
            Figures.print(prefix + ".start_to_payload_read", median(runs, s -> s.payloadRead - s.startCalled), "ms");
        }
        Figures.print(prefix + ".payload_deserialized", median(runs, s -> s.deserialized - s.payloadRead), "ms");
        Figures.print(prefix + ".target_running", median(runs, s -> s.running - s.deserialized), "ms");
        Figures.print(prefix + ".running_to_exit_seen", median(runs, s -> s.exitSeen - s.running), "ms");
        Figures.print(prefix + ".total", median(runs, s -> s.exitSeen - s.startCalled), "ms");
    }

    private interface Phase {
        long nanos(Stamps stamps);
    }

    private static double median(List<Stamps> runs, Phase phase) {
        return Figures.median(runs.stream().mapToDouble(s -> ms(phase.nanos(s))).toArray());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** CPU time and resident memory of a child whose target sleeps, sampled while it sleeps. */
    private static void idleChild() throws Exception {
        System.setProperty("mp4j.spare", "false");
        double[] rss = new double[3];
        double[] cpu = new double[3];
        for (int i = 0; i < rss.length; i++) {
            ChildProcess child = new ChildProcess(StartupBench::idle);
            child.start();
            Thread.sleep(IDLE_SAMPLE_MILLIS);
            long pid = child.pid();
            rss[i] = residentKib(pid) / 1024.0;
            cpu[i] = cpuTicks(pid) * CLOCK_TICK_MILLIS;
            child.join();
        }
        Figures.print("startup.idle_child_rss", Figures.median(rss), "MB");
        Figures.print("startup.idle_child_cpu", Figures.median(cpu), "ms");
        idleBareJvm();
    }

    /** The floor: a JVM with a child's GC flags that only sleeps, sampled at the same moment of its life. */
    private static void idleBareJvm() throws Exception {
        double[] rss = new double[3];
        double[] cpu = new double[3];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < rss.length; i++) {
            java.lang.Process jvm = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp",
                    WholeProgram.ownLocation(), IdleJvm.class.getName(), Long.toString(IDLE_SAMPLE_MILLIS + 700))
                    .inheritIO().start();
            Thread.sleep(IDLE_SAMPLE_MILLIS);
            rss[i] = residentKib(jvm.pid()) / 1024.0;
            cpu[i] = cpuTicks(jvm.pid()) * CLOCK_TICK_MILLIS;
            if (jvm.waitFor() != 0) {
                throw new IllegalStateException("the idle JVM exited with " + jvm.exitValue());
            }
        }
        Figures.print("startup.idle_bare_jvm_rss", Figures.median(rss), "MB");
        Figures.print("startup.idle_bare_jvm_cpu", Figures.median(cpu), "ms");
    }

    private static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }
}
