package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.managers.DictProxy;
import dev.mp4j.launcher.managers.ListProxy;
import dev.mp4j.launcher.managers.Manager;
import java.util.List;
import java.util.Map;

/**
 * The Manager: dict set operations per second from a child process through a proxy, CPython's
 * {@code d[i] = i} on a {@code manager.dict()} side by side (bench/python/manager.py, spawn).
 * Two Java figures: {@code Map.put}, a synchronous round trip per operation like CPython's (it also
 * returns the old value), and {@code DictProxy.set}, Python's {@code d[k] = v} without a result, sent
 * write-behind (acknowledgements read in batches; the thread's next synchronous call waits for them).
 */
public final class ManagerBench {

    private static final int WARMUP = 5_000;
    private static final int OPS = 50_000;
    private static final int RUNS = 3;

    private ManagerBench() {
    }

    static void setter(DictProxy<Integer, Integer> d, ListProxy<Double> out, boolean writeBehind) {
        for (int i = 0; i < WARMUP; i++) {
            d.put(i, i);
            d.set(i, i);
        }
        d.flush();
        long start = System.nanoTime();
        for (int i = 0; i < OPS; i++) {
            if (writeBehind) {
                d.set(i, i);
            } else {
                d.put(i, i);
            }
        }
        d.flush(); // every write applied on the server before the clock stops
        out.set(0, OPS / ((System.nanoTime() - start) / 1e9));
    }

    private static double rate(Manager manager, boolean writeBehind) throws Exception {
        return Figures.median(RUNS, () -> {
            DictProxy<Integer, Integer> d = manager.dict();
            ListProxy<Double> out = manager.list(List.of(0.0));
            ChildProcess p = new ChildProcess(() -> setter(d, out, writeBehind));
            p.start();
            p.join();
            if (d.size() != OPS) {
                throw new IllegalStateException("lost writes: " + d.size());
            }
            return out.get(0);
        });
    }

    public static void main(String[] args) throws Exception {
        double put;
        double set;
        try (Manager manager = new Manager()) {
            put = rate(manager, false);
            set = rate(manager, true);
        }
        Figures.print("manager.dict_put_from_child", put, "ops/s");
        Figures.print("manager.dict_set_from_child", set, "ops/s");
        Map<String, Double> cpython = Figures.cpython("manager.py");
        Figures.printRatio("manager.dict_put_from_child", put, cpython, "manager.dict_set_from_child");
        Figures.printRatio("manager.dict_set_from_child", set, cpython, "manager.dict_set_from_child");
    }
}
