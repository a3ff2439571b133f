package dev.mp4j.pool;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.ConnectionClosedException;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.pool.Pool;
import dev.mp4j.launcher.Bytes;
import dev.mp4j.launcher.SocketHandOver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * O02 — seed 001, 进程池解决 / 参数介绍: the upper-casing socket server on {@code Pool()}. Each
 * connection's talk loop occupies one pool worker for the connection's whole life.
 *
 * <p>Why the article's ninth client hangs: the pool has as many workers as cores (eight there), and a
 * {@code talk} task only returns when its client leaves. The ninth connection is accepted, but its task
 * waits in the pool's queue: nobody reads what the client types. When any client disconnects, its
 * worker's {@code talk} returns, that worker takes the queued task, and the ninth client gets its reply
 * at once, from the very pid that served the client who left. The pool bounds the number of processes
 * (the cure for "ten thousand users, ten thousand processes"), but a blocking per-connection loop then
 * bounds the number of clients too; 07-selectors serves thousands from one thread instead.
 *
 * <p>Java differs: a JVM cannot pass the accepted socket to a worker, so {@link SocketHandOver} relays
 * it (as in P04) and {@code talk} gets a {@link Connection} standing for the client; the worker connects
 * only when it starts the task, so the queuing the article observed is unchanged. Port 8080 by default
 * ({@code -Dport=}), pool size {@code -Dprocesses=} (default: the core count).
 */
public final class EchoServerOnPool implements AutoCloseable {

    private final ServerSocket server;
    private final Pool pool;
    private final List<SocketHandOver> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptLoop;

    /** The article's {@code talk}, in a worker: print the pid, then echo upper-cased until the client leaves. */
    static Void talk(Address handedOver) {
        System.out.println(ProcessHandle.current().pid());
        try (Connection conn = SocketHandOver.connect(handedOver)) {
            while (true) { // 通讯循环
                try {
                    byte[] msg = conn.recvBytes();
                    conn.sendBytes(Bytes.upper(msg)); // conn.send(msg.upper())
                } catch (ConnectionClosedException clientLeft) {
                    break;
                }
            }
        }
        return null;
    }

    private void acceptClients() {
        while (true) { // 链接循环
            Socket conn;
            try {
                conn = server.accept();
            } catch (IOException closed) {
                return;
            }
            SocketHandOver handOver = SocketHandOver.of(conn);
            connections.add(handOver);
            Address address = handOver.address();
            pool.applyAsync(() -> talk(address)); // pool.apply_async(talk, args=(conn, addr))
            connections.removeIf(ended -> !ended.isRelaying());
        }
    }

    private EchoServerOnPool(int port, int processes) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5);
        pool = new Pool(processes);
        acceptLoop = Thread.ofPlatform().name("accept-loop").start(this::acceptClients);
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) with a pool of {@code processes} workers. */
    static EchoServerOnPool start(int port, int processes) throws IOException {
        return new EchoServerOnPool(port, processes);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops accepting, ends every connection (so every talk returns) and terminates the pool. */
    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptLoop.join();
        connections.forEach(SocketHandOver::close);
        pool.terminate();
        pool.join();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("port", 8080);
        int processes = Integer.getInteger("processes", Multiprocessing.cpuCount());
        try (EchoServerOnPool server = start(port, processes)) {
            System.out.println("serving on 127.0.0.1:" + server.port() + " with a pool of " + processes
                    + " (try " + (processes + 1) + " clients; stop with Ctrl+C)");
            server.acceptLoop.join();
        }
    }
}
