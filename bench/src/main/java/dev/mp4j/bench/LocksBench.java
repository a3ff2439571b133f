package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Event;
import dev.mp4j.launcher.Held;
import dev.mp4j.launcher.Lock;
import dev.mp4j.launcher.Semaphore;
import dev.mp4j.launcher.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Locks and shared memory against CPython ({@code bench/python/locks.py}): a {@code Value} incremented
 * under its lock by two child processes, and an uncontended {@code Lock} acquire + release. As on the
 * Python side, the two workers start once and run every round (ready, go, N increments each, done), so
 * JVM start-up is not counted; the first round is reported apart (cold code), the figure is the median
 * of the others.
 */
public final class LocksBench {

    private static final int ROUNDS = Integer.getInteger("rounds", 7);
    private static final int PER_PROCESS = Integer.getInteger("perProcess", 1_000_000);

    private LocksBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Double> cpython = Figures.cpython("locks.py");

        double[] rates = valueIncrements();
        Figures.print("locks.value_increment.first_round", rates[0], "increments/s");
        double increments = Figures.median(java.util.Arrays.copyOfRange(rates, 1, rates.length));
        Figures.print("locks.value_increment", increments, "increments/s");
        Figures.printRatio("locks.value_increment", increments, cpython, "locks.value_increment.fork");
        Figures.printRatio("locks.value_increment", increments, cpython, "locks.value_increment.spawn");

        double uncontended = Figures.median(5, LocksBench::uncontendedLock);
        Figures.print("locks.uncontended_lock", uncontended, "ops/s");
        Figures.printRatio("locks.uncontended_lock", uncontended, cpython, "locks.uncontended_lock");
    }

    private static double[] valueIncrements() throws Exception {
        Value value = new Value('l', 0);
        Semaphore ready = new Semaphore(0);
        Semaphore done = new Semaphore(0);
        Event[] go = new Event[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            go[r] = new Event();
        }
        int rounds = ROUNDS;
        int perProcess = PER_PROCESS;
        List<ChildProcess> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            ChildProcess worker = new ChildProcess(() -> {
                for (int r = 0; r < rounds; r++) {
                    ready.release();
                    go[r].await();
                    for (int i = 0; i < perProcess; i++) {
                        try (Held held = value.getLock().acquired()) {
                            value.setLong(value.getLong() + 1);
                        }
                    }
                    done.release();
                }
            });
            worker.start();
            workers.add(worker);
        }
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            ready.acquire();
            ready.acquire();
            long start = System.nanoTime();
            go[r].set();
            done.acquire();
            done.acquire();
            rates[r] = 2.0 * PER_PROCESS / ((System.nanoTime() - start) / 1e9);
        }
        for (ChildProcess worker : workers) {
            worker.join();
        }
        long expected = 2L * PER_PROCESS * ROUNDS;
        if (value.getLong() != expected) {
            throw new IllegalStateException("lost updates: " + value.getLong() + " != " + expected);
        }
        return rates;
    }

    private static double uncontendedLock() {
        Lock lock = new Lock();
        int n = 10_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            lock.acquire();
            lock.release();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
