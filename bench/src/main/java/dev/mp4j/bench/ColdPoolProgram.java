package dev.mp4j.bench;

import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.pool.Pool;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What a short program sees of a pool, run in a fresh JVM by {@link PoolBench}: {@code apply} submits
 * 5 000 tasks to a fresh pool of cpuCount workers and gets them (twice, printing both rates), {@code map}
 * maps 100 000 squares on a fresh {@code Pool(2)}. The clock starts once the pool's constructor returns,
 * as in bench/python/pool.py.
 */
public final class ColdPoolProgram {

    static final int TASKS = 5_000;
    static final int ITEMS = 100_000;

    private ColdPoolProgram() {
    }

    static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 1 ? args[0] : "") {
            case "apply" -> {
                Pool pool = new Pool(Multiprocessing.cpuCount());
                try {
                    System.out.printf(Locale.ROOT, "apply_first %.1f%n", PoolBench.applyAsyncRate(pool, TASKS));
                    System.out.printf(Locale.ROOT, "apply_second %.1f%n", PoolBench.applyAsyncRate(pool, TASKS));
                } finally {
                    pool.terminate();
                    pool.join();
                }
            }
            case "map" -> {
                List<Integer> items = IntStream.range(0, ITEMS).boxed().toList();
                Pool pool = new Pool(2);
                try {
                    long start = System.nanoTime();
                    pool.map(ColdPoolProgram::square, items);
                    System.out.printf(Locale.ROOT, "map %.6f%n", (System.nanoTime() - start) / 1e9);
                } finally {
                    pool.terminate();
                    pool.join();
                }
            }
            default -> throw new IllegalArgumentException("usage: ColdPoolProgram apply|map");
        }
    }
}
