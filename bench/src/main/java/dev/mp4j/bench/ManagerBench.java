package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.DictProxy;
import dev.mp4j.launcher.ListProxy;
import dev.mp4j.launcher.Manager;
import java.util.List;
import java.util.Map;

/**
 * The Manager: dict set operations per second from a child process through a proxy (each one a round
 * trip to the server JVM), CPython's {@code manager.dict()} side by side (bench/python/manager.py).
 */
public final class ManagerBench {

    private static final int WARMUP = 5_000;
    private static final int OPS = 50_000;
    private static final int RUNS = 3;

    private ManagerBench() {
    }

    static void setter(DictProxy<Integer, Integer> d, ListProxy<Double> out) {
        for (int i = 0; i < WARMUP; i++) {
            d.put(i, i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < OPS; i++) {
            d.put(i, i);
        }
        out.set(0, OPS / ((System.nanoTime() - start) / 1e9));
    }

    public static void main(String[] args) throws Exception {
        double rate;
        try (Manager manager = new Manager()) {
            rate = Figures.median(RUNS, () -> {
                DictProxy<Integer, Integer> d = manager.dict();
                ListProxy<Double> out = manager.list(List.of(0.0));
                ChildProcess p = new ChildProcess(() -> setter(d, out));
                p.start();
                p.join();
                return out.get(0);
            });
        }
        Figures.print("manager.dict_set_from_child", rate, "ops/s");
        Map<String, Double> cpython = Figures.cpython("manager.py");
        Figures.printRatio("manager.dict_set_from_child", rate, cpython, "manager.dict_set_from_child");
    }
}
