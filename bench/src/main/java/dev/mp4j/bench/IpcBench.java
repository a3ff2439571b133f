package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Pipe;
import dev.mp4j.launcher.Queue;
import java.util.Map;

/**
 * Queues and pipes between a parent and a child JVM, beside CPython's multiprocessing (spawn):
 * round trip of a small message through a Pipe, round trips of 1 MiB byte messages, items per second
 * through a Queue from parent to child and from child to parent (medians of several runs against one
 * warmed-up child), and the time ten producer and ten consumer processes take to move
 * {@value #LOAD_ITEMS} items through one {@code Queue(3)}, checked for no item lost or duplicated
 * (median of {@value #LOAD_RUNS} loads: one swings by half between runs on the shared cores).
 */
public final class IpcBench {

    private static final int RUNS = 5;
    private static final int SMALL_ROUND_TRIPS = 20_000;
    private static final int BIG_ROUND_TRIPS = 200;
    private static final int BIG_BYTES = 1 << 20;
    private static final int QUEUE_ITEMS = 200_000;
    private static final int LOAD_PROCESSES = 10;
    private static final int LOAD_ITEMS = 100_000;
    private static final int LOAD_RUNS = 3;
    private static final int LOAD_DONE = -1;

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

    /** The child side of the child → parent figure: puts {@code items} items each time it is told to go. */
    static void fill(Queue<Integer> queue, Queue<String> go, int rounds, int items) {
        for (int round = 0; round < rounds; round++) {
            go.get();
            for (int i = 0; i < items; i++) {
                queue.put(i);
            }
        }
    }

    static void produce(Queue<Integer> queue, int first, int count) {
        for (int i = first; i < first + count; i++) {
            queue.put(i);
        }
    }

    /** Counts, per item, how often this consumer took it; reports the counts when told to stop. */
    static void consume(Queue<Integer> queue, Queue<int[]> counts, int items) {
        int[] seen = new int[items];
        for (int item; (item = queue.get()) != LOAD_DONE; ) {
            seen[item]++;
        }
        counts.put(seen);
    }

    /** Seconds for the 10 × 10 load; throws if any item was lost or taken twice. */
    static double load(int items) throws Exception {
        Queue<Integer> queue = new Queue<>(3);
        Queue<int[]> counts = new Queue<>();
        java.util.List<ChildProcess> producers = new java.util.ArrayList<>();
        java.util.List<ChildProcess> consumers = new java.util.ArrayList<>();
        int each = items / LOAD_PROCESSES;
        for (int i = 0; i < LOAD_PROCESSES; i++) {
            int first = i * each;
            producers.add(new ChildProcess(() -> produce(queue, first, each)));
            consumers.add(new ChildProcess(() -> consume(queue, counts, items)));
        }
        long start = System.nanoTime();
        consumers.forEach(ChildProcess::start);
        producers.forEach(ChildProcess::start);
        for (ChildProcess producer : producers) {
            producer.join();
        }
        for (int i = 0; i < LOAD_PROCESSES; i++) {
            queue.put(LOAD_DONE);
        }
        int[] total = new int[items];
        for (int i = 0; i < LOAD_PROCESSES; i++) {
            int[] seen = counts.get();
            for (int item = 0; item < items; item++) {
                total[item] += seen[item];
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (ChildProcess consumer : consumers) {
            consumer.join();
        }
        long lost = java.util.Arrays.stream(total).filter(n -> n == 0).count();
        long duplicated = java.util.Arrays.stream(total).filter(n -> n > 1).count();
        if (lost != 0 || duplicated != 0) {
            throw new IllegalStateException("10x10 load: " + lost + " items lost, " + duplicated + " duplicated");
        }
        return seconds;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", RUNS);
        int loadItems = Integer.getInteger("loadItems", LOAD_ITEMS);
        Map<String, Double> cpython = Figures.cpython("ipc.py", Integer.toString(runs), Integer.toString(loadItems));

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

        // Queue: items put by a child, taken here (the owner).
        Queue<Integer> fromChild = new Queue<>();
        Queue<String> go = new Queue<>();
        ChildProcess fill = new ChildProcess(() -> fill(fromChild, go, rounds, QUEUE_ITEMS));
        fill.start();
        double[] upRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            go.put("go");
            for (int i = 0; i < QUEUE_ITEMS; i++) {
                fromChild.get();
            }
            upRates[round] = QUEUE_ITEMS / ((System.nanoTime() - start) / 1e9);
        }
        fill.join();
        double upItemsPerSecond = Figures.median(java.util.Arrays.copyOfRange(upRates, 1, upRates.length));

        double loadSeconds = Figures.median(LOAD_RUNS, () -> load(loadItems));

        Figures.print("ipc.pipe_round_trip", roundTrip, "us");
        Figures.print("ipc.pipe_1mib_throughput", mibPerSecond, "MiB/s");
        Figures.print("ipc.queue_parent_to_child", itemsPerSecond, "items/s");
        Figures.print("ipc.queue_child_to_parent", upItemsPerSecond, "items/s");
        Figures.print("ipc.queue_10x10_load", loadSeconds, "s");
        Figures.print("ipc.queue_10x10_load_rate", loadItems / loadSeconds, "items/s");
        Figures.printRatio("ipc.pipe_round_trip", roundTrip, cpython, "ipc.pipe_round_trip");
        Figures.printRatio("ipc.pipe_1mib_throughput", mibPerSecond, cpython, "ipc.pipe_1mib_throughput");
        Figures.printRatio("ipc.queue_parent_to_child", itemsPerSecond, cpython, "ipc.queue_parent_to_child");
        Figures.printRatio("ipc.queue_child_to_parent", upItemsPerSecond, cpython, "ipc.queue_child_to_parent");
        Figures.printRatio("ipc.queue_10x10_load_rate", loadItems / loadSeconds, cpython, "ipc.queue_10x10_load_rate");
    }
}
