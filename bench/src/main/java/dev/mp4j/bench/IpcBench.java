package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Pipe;
import dev.mp4j.launcher.Queue;
import java.util.Map;

/**
 * Queues and pipes between a parent and a child JVM, beside CPython's multiprocessing (spawn):
 * round trip of a small message through a Pipe, round trips of 1 MiB byte messages, and items per
 * second through a Queue from parent to child. Each figure is the median of several runs against one
 * warmed-up child.
 */
public final class IpcBench {

    private static final int RUNS = 5;
    private static final int SMALL_ROUND_TRIPS = 20_000;
    private static final int BIG_ROUND_TRIPS = 200;
    private static final int BIG_BYTES = 1 << 20;
    private static final int QUEUE_ITEMS = 200_000;

    private IpcBench() {
    }

    /** The child side of the pipe figures: echoes every message until an empty one. */
    static void echo(Connection conn) {
        while (true) {
            byte[] message = conn.recvBytes();
            if (message.length == 0) {
                return;
            }
            conn.sendBytes(message);
        }
    }

    /** The child side of the queue figure: takes {@code items} items per round, then says so. */
    static void drain(Queue<Integer> queue, Queue<String> done, int rounds, int items) {
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < items; i++) {
                queue.get();
            }
            done.put("done");
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", RUNS);
        Map<String, Double> cpython = Figures.cpython("ipc.py");

        // Pipe: one end here, one in a child that echoes.
        Pipe pipe = Pipe.create();
        Connection childEnd = pipe.conn2();
        ChildProcess echo = new ChildProcess(() -> echo(childEnd));
        echo.start();
        Connection here = pipe.conn1();
        Integer small = 42;
        for (int i = 0; i < SMALL_ROUND_TRIPS; i++) { // warm-up: JIT on both sides
            here.send(small);
            here.recv();
        }
        double roundTrip = Figures.median(runs, () -> {
            long start = System.nanoTime();
            for (int i = 0; i < SMALL_ROUND_TRIPS; i++) {
                here.send(small);
                here.recv();
            }
            return (System.nanoTime() - start) / 1e3 / SMALL_ROUND_TRIPS;
        });
        byte[] big = new byte[BIG_BYTES];
        for (int i = 0; i < BIG_ROUND_TRIPS / 4; i++) {
            here.sendBytes(big);
            here.recvBytes();
        }
        double mibPerSecond = Figures.median(runs, () -> {
            long start = System.nanoTime();
            for (int i = 0; i < BIG_ROUND_TRIPS; i++) {
                here.sendBytes(big);
                here.recvBytes();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return 2.0 * BIG_ROUND_TRIPS * BIG_BYTES / (1 << 20) / seconds;
        });
        here.sendBytes(new byte[0]);
        echo.join();

        // Queue: items put here (the owner), taken by a child.
        Queue<Integer> queue = new Queue<>();
        Queue<String> done = new Queue<>();
        int rounds = runs + 1;
        ChildProcess drain = new ChildProcess(() -> drain(queue, done, rounds, QUEUE_ITEMS));
        drain.start();
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < QUEUE_ITEMS; i++) {
                queue.put(i);
            }
            done.get();
            rates[round] = QUEUE_ITEMS / ((System.nanoTime() - start) / 1e9);
        }
        drain.join();
        double itemsPerSecond = Figures.median(java.util.Arrays.copyOfRange(rates, 1, rates.length)); // round 0 warms up

        Figures.print("ipc.pipe_round_trip", roundTrip, "us");
        Figures.print("ipc.pipe_1mib_throughput", mibPerSecond, "MiB/s");
        Figures.print("ipc.queue_parent_to_child", itemsPerSecond, "items/s");
        Figures.printRatio("ipc.pipe_round_trip", roundTrip, cpython, "ipc.pipe_round_trip");
        Figures.printRatio("ipc.pipe_1mib_throughput", mibPerSecond, cpython, "ipc.pipe_1mib_throughput");
        Figures.printRatio("ipc.queue_parent_to_child", itemsPerSecond, cpython, "ipc.queue_parent_to_child");
    }
}
