package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Pipe;
import dev.mp4j.launcher.managers.DictProxy;
import dev.mp4j.launcher.managers.ListProxy;
import dev.mp4j.launcher.managers.Manager;
import java.util.List;
import java.util.Locale;

/**
 * What a manager {@code put} costs against the transport under it, in one invocation: first bare
 * request/reply round trips between this JVM and a child over a pipe's socket, with a request and a
 * reply of a {@code put}'s sizes ({@value #REQUEST_BYTES} and {@value #REPLY_BYTES} bytes), then
 * {@code put}s from a child to a manager dict. Each prints three rounds of {@value #CALLS} calls after
 * {@value #WARMUP} warm-up ones, in microseconds per call: the rounds show the JIT's warm-up as well.
 */
public final class ManagerFloorProgram {

    private static final int REQUEST_BYTES = 46;
    private static final int REPLY_BYTES = 6;
    private static final int WARMUP = 5_000;
    private static final int CALLS = 30_000;
    private static final int ROUNDS = 3;

    private ManagerFloorProgram() {
    }

    /** The child's side of the floor: answers every request with a reply of a put's size, until an empty one. */
    static void answer(Connection connection) {
        byte[] reply = new byte[REPLY_BYTES];
        for (byte[] request; (request = connection.recvBytes()).length > 0; ) {
            connection.sendBytes(reply);
        }
    }

    static void puts(DictProxy<Integer, Integer> d, ListProxy<Double> micros) {
        for (int i = 0; i < WARMUP; i++) {
            d.put(i, i);
        }
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                d.put(i, i);
            }
            micros.set(round, (System.nanoTime() - start) / 1e3 / CALLS);
        }
    }

    public static void main(String[] args) throws Exception {
        Pipe pipe = Pipe.create();
        Connection childEnd = pipe.conn2();
        ChildProcess answering = new ChildProcess(() -> answer(childEnd));
        answering.start();
        Connection here = pipe.conn1();
        byte[] request = new byte[REQUEST_BYTES];
        for (int i = 0; i < WARMUP; i++) {
            here.sendBytes(request);
            here.recvBytes();
        }
        double[] floor = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                here.sendBytes(request);
                here.recvBytes();
            }
            floor[round] = (System.nanoTime() - start) / 1e3 / CALLS;
        }
        here.sendBytes(new byte[0]);
        answering.join();

        List<Double> put;
        try (Manager manager = new Manager()) {
            DictProxy<Integer, Integer> d = manager.dict();
            ListProxy<Double> micros = manager.list(List.of(0.0, 0.0, 0.0));
            ChildProcess putter = new ChildProcess(() -> puts(d, micros));
            putter.start();
            putter.join();
            put = List.copyOf(micros);
        }
        System.out.printf(Locale.ROOT, "floor.request_reply_us %.1f %.1f %.1f%n", floor[0], floor[1], floor[2]);
        System.out.printf(Locale.ROOT, "manager.put_us %.1f %.1f %.1f%n", put.get(0), put.get(1), put.get(2));
    }
}
