package dev.mp4j.bench;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.launcher.Time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chapter 08 event loop against CPython's asyncio ({@code bench/python/asyncio_tasks.py}):
 * 100 000 trivial tasks created and gathered, and 10 000 tasks each sleeping 10 ms (real time)
 * concurrently. Medians of five runs after a warm-up; times in seconds, so a ratio below 1 is ours
 * being faster.
 */
public final class AsyncioBench {

    private static final int RUNS = 5;

    private AsyncioBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(Time.SCALE_PROPERTY, "1");   // sleeps in real time here

        trivialTasks(10_000);
        double trivial = Figures.median(RUNS, () -> trivialTasks(100_000));
        Figures.print("asyncio.trivial_tasks_100k", trivial, "s");

        sleepTasks(1_000);
        double sleeping = Figures.median(RUNS, () -> sleepTasks(10_000));
        Figures.print("asyncio.sleep_tasks_10k", sleeping, "s");

        Map<String, Double> cpython = Figures.cpython("asyncio_tasks.py");
        Figures.printRatio("asyncio.trivial_tasks_100k", trivial, cpython, "asyncio.trivial_tasks_100k");
        Figures.printRatio("asyncio.sleep_tasks_10k", sleeping, cpython, "asyncio.sleep_tasks_10k");
    }

    /** {@code await gather(*[ensure_future(trivial(i)) for i in range(n)])}, timed from the first task. */
    static double trivialTasks(int n) {
        EventLoop loop = Asyncio.newEventLoop();
        try {
            long start = System.nanoTime();
            List<Integer> results = loop.runUntilComplete(loop.createTask(() -> {
                List<Future<Integer>> tasks = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int value = i;
                    tasks.add(Asyncio.ensureFuture(() -> value));
                }
                return Asyncio.gather(tasks).await();
            }));
            double elapsed = (System.nanoTime() - start) / 1e9;
            check(results.size() == n && results.get(n - 1) == n - 1);
            return elapsed;
        } finally {
            loop.close();
        }
    }

    /** {@code n} tasks each awaiting {@code asyncio.sleep(0.01)}, gathered. */
    static double sleepTasks(int n) {
        EventLoop loop = Asyncio.newEventLoop();
        try {
            long start = System.nanoTime();
            List<Integer> results = loop.runUntilComplete(loop.createTask(() -> {
                List<Future<Integer>> tasks = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int value = i;
                    tasks.add(Asyncio.ensureFuture(() -> {
                        Asyncio.sleep(0.01);
                        return value;
                    }));
                }
                return Asyncio.gather(tasks).await();
            }));
            double elapsed = (System.nanoTime() - start) / 1e9;
            check(results.size() == n);
            return elapsed;
        } finally {
            loop.close();
        }
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("wrong results");
        }
    }
}
