package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Process start cost: one trivial target started and joined, and 100 started then joined.
 *
 * <p>Start+join is measured twice. Back to back, each {@code start()} finds the spare JVM still booting,
 * so the figure is bound by how much CPU a child JVM costs. With a pause before each start (the usual
 * case in a program that starts a process now and then), the spare is booted and warm.
 */
public final class ProcessBench {

    private static final int SINGLE_RUNS = 15;
    private static final int HUNDRED_RUNS = 3;
    private static final int HUNDRED = 100;
    private static final long PAUSE_FOR_SPARE_MILLIS = 700;

    private ProcessBench() {
    }

    static void noop() {
        // the trivial target: the cost measured is the process itself
    }

    public static void main(String[] args) throws Exception {
        startJoin(); // boots the first child and the spare, as any first use does
        double one = Figures.median(SINGLE_RUNS, ProcessBench::startJoin);
        Figures.print("process.start_join_one", one, "ms");
        double oneWithSpareReady = Figures.median(SINGLE_RUNS, () -> {
            Thread.sleep(PAUSE_FOR_SPARE_MILLIS);
            return startJoin();
        });
        Figures.print("process.start_join_one_spare_ready", oneWithSpareReady, "ms");
        double hundred = Figures.median(HUNDRED_RUNS, ProcessBench::startHundredThenJoin);
        Figures.print("process.start_join_100", hundred, "s");

        Map<String, Double> cpython = Figures.cpython("process.py");
        Figures.printRatio("process.start_join_one", one, cpython, "process.start_join_one.spawn");
        Figures.printRatio("process.start_join_one", one, cpython, "process.start_join_one.fork");
        Figures.printRatio("process.start_join_one_spare_ready", oneWithSpareReady, cpython, "process.start_join_one.spawn");
        Figures.printRatio("process.start_join_100", hundred, cpython, "process.start_join_100.spawn");
        Figures.printRatio("process.start_join_100", hundred, cpython, "process.start_join_100.fork");
    }

    private static double startJoin() throws InterruptedException {
        long start = System.nanoTime();
        ChildProcess child = new ChildProcess(ProcessBench::noop);
        child.start();
        child.join();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double startHundredThenJoin() throws InterruptedException {
        long start = System.nanoTime();
        List<ChildProcess> children = new ArrayList<>(HUNDRED);
        for (int i = 0; i < HUNDRED; i++) {
            ChildProcess child = new ChildProcess(ProcessBench::noop);
            child.start();
            children.add(child);
        }
        for (ChildProcess child : children) {
            child.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
