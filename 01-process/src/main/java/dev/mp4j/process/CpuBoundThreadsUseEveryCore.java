package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Multiprocessing;
import java.util.ArrayList;
import java.util.List;

/**
 * PP01 / PP26 — seeds 000 (进程) and 001: "Python中的多线程无法利用多核优势 ... 那么就只能靠多进程了", and seed 003, 1 全局解释锁(GIL) ›
 * 1.1 如何避免GIL的影响: for CPU-bound work use processes, not threads. That is CPython's GIL; Java has none. The
 * same CPU-bound computation, one unit per worker: one thread, then as many threads as there are cores,
 * then as many processes. Threads take about as long as one thread (every core busy at once) and no longer
 * than processes, which also pay for starting JVMs.
 *
 * <p>Java differs, which is the point: threads are the tool for CPU-bound work in Java; processes buy
 * isolation, not parallelism. The first argument (or {@code -Diterations=}) sets the size of one unit
 * (default 500 million generator steps).
 */
public final class CpuBoundThreadsUseEveryCore {

    static volatile long sink; // results land here, so the JIT cannot drop the work as unused

    private CpuBoundThreadsUseEveryCore() {
    }

    /** A CPU-bound unit of work: a xorshift generator, each step depending on the last. */
    static long work(long iterations) {
        long x = 88172645463325252L;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    static void unit(long iterations) {
        sink = work(iterations);
    }

    /** Seconds for {@code workers} threads doing one unit each, at the same time. */
    static double timeThreads(int workers, long iterations) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().name("Thread-" + (i + 1)).start(() -> unit(iterations)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for {@code workers} child processes doing one unit each, start-up included. */
    static double timeProcesses(int workers, long iterations) throws InterruptedException {
        long start = System.nanoTime();
        List<ChildProcess> processes = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            ChildProcess p = new ChildProcess(() -> unit(iterations));
            p.start();
            processes.add(p);
        }
        for (ChildProcess p : processes) {
            p.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    public static void main(String[] args) throws InterruptedException {
        long iterations = args.length > 0 ? Long.parseLong(args[0]) : Long.getLong("iterations", 500_000_000L);
        int cores = Multiprocessing.cpuCount();
        unit(iterations / 10); // let the JIT compile the loop before timing it

        System.out.println("CPU 核数: " + cores);
        System.out.printf("1 个线程, 1 份计算: %.2f 秒%n", timeThreads(1, iterations));
        System.out.printf("%d 个线程, %d 份计算: %.2f 秒 (没有 GIL: 每个核同时在算)%n", cores, cores, timeThreads(cores, iterations));
        System.out.printf("%d 个进程, %d 份计算: %.2f 秒 (含启动 JVM)%n", cores, cores, timeProcesses(cores, iterations));
    }
}
