package dev.mp4j.bench;

import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.pool.AsyncResult;
import dev.mp4j.launcher.pool.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Pool throughput beside CPython's (bench/python/pool.py, spawn): {@code applyAsync} + {@code get} of
 * 20 000 tasks, and {@code map} of 100 000 tiny items, both with a warm pool of cpuCount workers.
 * "Warm" includes the JIT: the JVMs compile the serialization paths only after some 100 000 tasks, so
 * the first round's rate is printed as well. Cold figures come first: a fresh JVM per run
 * ({@link ColdPoolProgram}), 5 000 tasks on a fresh pool and a map on a fresh {@code Pool(2)}.
 */
public final class PoolBench {

    private static final int TASKS = 20_000;
    private static final int ITEMS = 100_000;
    private static final int RUNS = 5;
    private static final int MAP_RUNS = 11; // a map takes tens of ms: more runs steady the median
    private static final int COLD_RUNS = 5;

    private PoolBench() {
    }

    static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) throws Exception {
        // Cold: what a short program sees, each in a fresh JVM, with no warm-up at all.
        double[] coldFirst = new double[COLD_RUNS];
        double[] coldSecond = new double[COLD_RUNS];
        double[] coldMap = new double[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            Map<String, Double> apply = programFigures("apply");
            coldFirst[i] = apply.get("apply_first");
            coldSecond[i] = apply.get("apply_second");
            coldMap[i] = programFigures("map").get("map");
        }
        Figures.print("pool.cold.apply_async_rate_5k", Figures.median(coldFirst), "tasks/s");
        Figures.print("pool.cold.apply_async_rate_5k_second_pass", Figures.median(coldSecond), "tasks/s");
        Figures.print("pool.cold.map_100k_pool2", Figures.median(coldMap), "s");

        List<Integer> items = IntStream.range(0, ITEMS).boxed().toList();
        double coldRate;
        double rate;
        double mapSeconds;
        Pool pool = new Pool(Multiprocessing.cpuCount());
        try {
            // Warm: every worker started, and the task and map paths JIT-compiled in the parent and in
            // the workers (about 200 000 tasks); the first, cold round is reported too.
            coldRate = applyAsyncRate(pool, TASKS);
            for (int i = 0; i < 10; i++) {
                applyAsyncRate(pool, TASKS);
                pool.map(PoolBench::square, items);
            }
            rate = Figures.median(RUNS, () -> applyAsyncRate(pool, TASKS));
            mapSeconds = Figures.median(MAP_RUNS, () -> {
                long start = System.nanoTime();
                pool.map(PoolBench::square, items);
                return (System.nanoTime() - start) / 1e9;
            });
        } finally {
            pool.terminate();
            pool.join();
        }
        Figures.print("pool.apply_async_rate_first_round", coldRate, "tasks/s");
        Figures.print("pool.apply_async_rate", rate, "tasks/s");
        Figures.print("pool.map_100k", mapSeconds, "s");

        Map<String, Double> cpython = Figures.cpython("pool.py");
        Figures.printRatio("pool.apply_async_rate", rate, cpython, "pool.apply_async_rate");
        Figures.printRatio("pool.map_100k", mapSeconds, cpython, "pool.map_100k");
        Figures.printRatio("pool.cold.apply_async_rate_5k", Figures.median(coldFirst), cpython, "pool.cold.apply_async_rate_5k");
        Figures.printRatio("pool.cold.apply_async_rate_5k_second_pass", Figures.median(coldSecond), cpython,
                "pool.cold.apply_async_rate_5k_second_pass");
        Figures.printRatio("pool.cold.map_100k_pool2", Figures.median(coldMap), cpython, "pool.cold.map_100k_pool2");
    }

    /** The {@code name value} lines a {@link ColdPoolProgram} run prints. */
    private static Map<String, Double> programFigures(String mode) throws Exception {
        Map<String, Double> figures = new java.util.HashMap<>();
        for (String line : WholeProgram.output(ColdPoolProgram.class, mode)) {
            String[] parts = line.trim().split(" ");
            figures.put(parts[0], Double.parseDouble(parts[1]));
        }
        return figures;
    }

    /** {@code applyAsync} of {@code tasks} trivial tasks, then every {@code get}: tasks per second. */
    static double applyAsyncRate(Pool pool, int tasks) {
        long start = System.nanoTime();
        List<AsyncResult<Integer>> results = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int n = i;
            results.add(pool.applyAsync(() -> n));
        }
        for (AsyncResult<Integer> result : results) {
            result.get();
        }
        return tasks / ((System.nanoTime() - start) / 1e9);
    }
}
