package dev.mp4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mp4j.coroutines.gevent.Gevent;
import dev.mp4j.coroutines.gevent.Greenlet;

/**
 * Chapter 06: the greenlet analogue's switch rate and spawn + join of 100 000 sleeping coroutines (gevent
 * analogue and plain virtual threads), beside CPython's standard-library equivalents (generator
 * {@code send} switching; asyncio tasks), since greenlet and gevent are not installed there.
 */
public final class CoroutinesBench {

    private static final int SWITCHES = 1_000_000;
    private static final int TASKS = 100_000;
    private static final double SLEEP_SECONDS = 0.01;
    private static final int RUNS = 5;
    private static final String SWITCH_RATE_ONLY = "--switch-rate-only";

    private CoroutinesBench() {
    }

    public static void main(String[] args) throws Exception {
        switchRate(); // warm up the code paths before measuring
        double switchRate = Figures.median(RUNS, CoroutinesBench::switchRate);
        if (args.length > 0 && args[0].equals(SWITCH_RATE_ONLY)) {
            System.out.println(switchRate);
            return;
        }
        Figures.print("coroutines.greenlet_switch_rate", switchRate, "switches/s");
        double oneCarrier = switchRateOnOneCarrier();
        Figures.print("coroutines.greenlet_switch_rate_one_carrier", oneCarrier, "switches/s");

        geventSpawnJoin();
        double gevent = Figures.median(RUNS, CoroutinesBench::geventSpawnJoin);
        Figures.print("coroutines.gevent_spawn_join_100k_sleep", gevent, "s");

        virtualThreadsSpawnJoin();
        double virtualThreads = Figures.median(RUNS, CoroutinesBench::virtualThreadsSpawnJoin);
        Figures.print("coroutines.vthread_spawn_join_100k_sleep", virtualThreads, "s");

        Map<String, Double> cpython = Figures.cpython("coroutines.py");
        Figures.printRatio("coroutines.greenlet_switch_rate", switchRate, cpython, "coroutines.generator_switch_rate");
        Figures.printRatio("coroutines.greenlet_switch_rate_one_carrier", oneCarrier, cpython, "coroutines.generator_switch_rate");
        Figures.printRatio("coroutines.gevent_spawn_join_100k_sleep", gevent, cpython, "coroutines.asyncio_spawn_join_100k_sleep");
        Figures.printRatio("coroutines.vthread_spawn_join_100k_sleep", virtualThreads, cpython, "coroutines.asyncio_spawn_join_100k_sleep");
    }

    /**
     * The same switch rate in a child JVM whose virtual threads share one carrier (gevent's shape): a
     * hand-over then never has to wake a second carrier thread.
     */
    private static double switchRateOnOneCarrier() throws IOException, InterruptedException {
        java.lang.Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1",
                "-cp", System.getProperty("java.class.path"),
                CoroutinesBench.class.getName(), SWITCH_RATE_ONLY)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("one-carrier child failed: " + output);
        }
        return Double.parseDouble(output);
    }

    /** Two greenlets (both virtual threads) switching back and forth; each switchTo counts as one switch. */
    private static double switchRate() {
        double[] rate = new double[1];
        Greenlet driver = new Greenlet(() -> {
            Greenlet partner = new Greenlet(value -> {
                Greenlet caller = Greenlet.getCurrent().parent();
                for (int i = 0; ; i++) {
                    caller.switchTo(i);
                }
            });
            long start = System.nanoTime();
            for (int i = 0; i < SWITCHES / 2; i++) {
                partner.switchTo(i);
            }
            rate[0] = SWITCHES / ((System.nanoTime() - start) / 1e9);
            partner.kill();
        });
        driver.switchTo();
        return rate[0];
    }

    /** gevent: spawn TASKS greenlets that each sleep, then joinall. */
    private static double geventSpawnJoin() {
        long start = System.nanoTime();
        List<Greenlet> greenlets = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            greenlets.add(Gevent.spawn(() -> Gevent.sleep(SLEEP_SECONDS)));
        }
        Gevent.joinall(greenlets);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The Java answer: TASKS virtual threads that each Thread.sleep, then join each. */
    private static double virtualThreadsSpawnJoin() throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            threads.add(Thread.ofVirtual().start(() -> dev.mp4j.launcher.Time.sleep(SLEEP_SECONDS)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
