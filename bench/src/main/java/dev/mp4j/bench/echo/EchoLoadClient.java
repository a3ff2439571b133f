package dev.mp4j.bench.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A load client for any echo server: opens N connections and holds them all open, then keeps one
 * message in flight on every connection, checking that each echo is byte for byte the message that
 * connection sent (each message names its connection and sequence number, so a byte delivered to the
 * wrong socket, lost, doubled or reordered shows as a mismatch).
 *
 * <p>A few threads, each with one {@link Selector} for its share of the connections, drive them all, so
 * the client costs the same whichever server it measures, and ten thousand connections need no more
 * than ten thousand sockets.
 */
public final class EchoLoadClient {

    /** What a run achieved. {@code roundTrips} counts intact echoes only. */
    public record Result(int connections, long roundTrips, long corrupted, double seconds) {
        public double roundTripsPerSecond() {
            return roundTrips / seconds;
        }
    }

    /** Connects still waiting for the server's accept at once; more would only overflow its backlog. */
    private static final int CONNECTS_IN_FLIGHT = 1000;

    private final InetSocketAddress server;
    private final int messageSize;
    private final int threads;

    /** A client sending {@code messageSize}-byte messages from {@code threads} threads, each with its own selector. */
    public EchoLoadClient(InetSocketAddress server, int messageSize, int threads) {
        if (messageSize < 32) {
            throw new IllegalArgumentException("messages need at least 32 bytes to name connection and sequence");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.server = server;
        this.messageSize = messageSize;
        this.threads = threads;
    }

    /** Echoes on {@code connections} connections for about {@code duration}; for round trips per second. */
    public Result runFor(int connections, Duration duration, Duration timeout) throws IOException {
        return run(connections, Long.MAX_VALUE, duration.toNanos(), timeout);
    }

    /** Holds {@code connections} connections open and echoes {@code rounds} messages on each. */
    public Result runRounds(int connections, long rounds, Duration timeout) throws IOException {
        return run(connections, rounds, Long.MAX_VALUE, timeout);
    }

    private Result run(int connections, long rounds, long durationNanos, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int shards = Math.min(threads, connections);
        // Every shard has connected before any echoes: all connections are held open at once.
        CyclicBarrier allConnected = new CyclicBarrier(shards);
        List<Callable<Result>> work = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            int first = connections * shard / shards;
            int count = connections * (shard + 1) / shards - first;
            work.add(() -> runShard(first, count, rounds, durationNanos, deadline, allConnected));
        }
        ExecutorService pool = Executors.newFixedThreadPool(shards);
        try {
            long intact = 0;
            long corrupted = 0;
            double seconds = 0;
            for (Future<Result> f : pool.invokeAll(work)) {
                Result r = f.get();
                intact += r.roundTrips();
                corrupted += r.corrupted();
                seconds = Math.max(seconds, r.seconds());
            }
            return new Result(connections, intact, corrupted, seconds);
        } catch (ExecutionException e) {
            allConnected.reset();
            if (e.getCause() instanceof EchoFailure failure) {
                throw failure;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new EchoFailure(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EchoFailure("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Result runShard(int first, int count, long rounds, long durationNanos, long deadline, CyclicBarrier allConnected)
            throws Exception {
        List<Connection> all = new ArrayList<>(count);
        try (Selector selector = Selector.open()) {
            try {
                connectAll(selector, first, count, all, deadline);
                try {
                    allConnected.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (BrokenBarrierException | TimeoutException e) {
                    throw new EchoFailure("another client thread failed to connect", e);
                }
                return echo(selector, all, rounds, durationNanos, deadline);
            } catch (RuntimeException | IOException e) {
                allConnected.reset(); // let the other shards fail fast instead of waiting
                throw e;
            } finally {
                for (Connection c : all) {
                    c.channel.close();
                }
            }
        }
    }

    /** Phase 1: every connection established, none echoing yet, so all of them are held at once. */
    private void connectAll(Selector selector, int first, int connections, List<Connection> all, long deadline) throws IOException {
        int connected = 0;
        int pending = 0;
        while (connected < connections) {
            while (pending < CONNECTS_IN_FLIGHT / threads + 1 && all.size() < connections) {
                SocketChannel channel = SocketChannel.open();
                Connection c = new Connection(first + all.size(), channel);
                all.add(c);
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (channel.connect(server)) {
                    connected++;
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, c);
                    pending++;
                }
            }
            checkDeadline(deadline, "connecting: " + connected + " of " + connections + " connected");
            int[] done = {0};
            selector.select(key -> {
                try {
                    if (((SocketChannel) key.channel()).finishConnect()) {
                        key.interestOps(0);
                        done[0]++;
                    }
                } catch (IOException e) {
                    throw new EchoFailure("connection " + ((Connection) key.attachment()).id + " failed: " + e, e);
                }
            }, 1000);
            connected += done[0];
            pending -= done[0];
        }
    }

    /** Phase 2: one message in flight per connection until the rounds are done or the time is up. */
    private Result echo(Selector selector, List<Connection> all, long rounds, long durationNanos, long deadline) throws IOException {
        long start = System.nanoTime();
        long stopSendingAt = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + durationNanos;
        long[] counts = new long[2]; // intact, corrupted
        int[] active = {all.size()};
        for (Connection c : all) {
            c.key = c.channel.keyFor(selector) != null ? c.channel.keyFor(selector) : c.channel.register(selector, 0, c);
            c.send();
        }
        while (active[0] > 0) {
            checkDeadline(deadline, "echoing: " + active[0] + " connections still waiting, " + counts[0] + " echoes so far");
            boolean stopSending = System.nanoTime() >= stopSendingAt;
            selector.select(key -> {
                Connection c = (Connection) key.attachment();
                try {
                    if (key.isWritable()) {
                        c.flush();
                    } else if (key.isReadable() && c.receive()) {
                        counts[c.intact() ? 0 : 1]++;
                        c.rounds++;
                        if (c.rounds >= rounds || stopSending) {
                            key.interestOps(0);
                            active[0]--;
                        } else {
                            c.send();
                        }
                    }
                } catch (IOException e) {
                    throw new EchoFailure("connection " + c.id + " failed after " + c.rounds + " echoes: " + e, e);
                }
            }, 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(all.size(), counts[0], counts[1], seconds);
    }

    private static void checkDeadline(long deadline, String state) {
        if (System.nanoTime() > deadline) {
            throw new EchoFailure("timed out " + state, null);
        }
    }

    /** One client socket and its message in flight. */
    private final class Connection {
        final int id;
        final SocketChannel channel;
        final ByteBuffer sent = ByteBuffer.allocate(messageSize);
        final ByteBuffer received = ByteBuffer.allocate(messageSize);
        SelectionKey key;
        long rounds;

        Connection(int id, SocketChannel channel) {
            this.id = id;
            this.channel = channel;
        }

        void send() throws IOException {
            // "conn 000042 seq 0000000007 " then letters that depend on both, then a newline
            byte[] message = sent.array();
            System.arraycopy(TEMPLATE, 0, message, 0, TEMPLATE.length);
            digits(message, 5, 6, id);
            digits(message, 16, 10, rounds);
            for (int i = TEMPLATE.length; i < message.length - 1; i++) {
                message[i] = (byte) ('a' + (id + rounds + i) % 26);
            }
            message[message.length - 1] = '\n';
            sent.clear();
            received.clear();
            flush();
        }

        /** Writes what is left of the message; waits for OP_WRITE when the socket takes only part. */
        void flush() throws IOException {
            channel.write(sent);
            key.interestOps(sent.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** True when the whole echo has arrived. */
        boolean receive() throws IOException {
            if (channel.read(received) < 0) {
                throw new IOException("server closed the connection");
            }
            return !received.hasRemaining();
        }

        boolean intact() {
            return java.util.Arrays.equals(sent.array(), received.array());
        }
    }

    private static final byte[] TEMPLATE = "conn 000000 seq 0000000000 ".getBytes(StandardCharsets.US_ASCII);

    private static void digits(byte[] into, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            into[i] = (byte) ('0' + value % 10);
        }
    }

    /** A connection refused, reset or closed, or the run took longer than its timeout. */
    public static final class EchoFailure extends RuntimeException {
        EchoFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
