package dev.mp4j.process;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.ConnectionClosedException;
import dev.mp4j.launcher.Bytes;
import dev.mp4j.launcher.SocketHandOver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * P04 — seeds 001 (sokcet 多并发 › server端的) and 002 (2.2 守护进程 › socket聊天并发实例 › server): an
 * upper-casing echo server on 127.0.0.1:8080 that starts one process per accepted connection; the child
 * runs {@code talk}: {@code recv(1024)}, upper-case, {@code send}, until the client closes.
 *
 * <p>Java differs: a JVM cannot pass the accepted socket to a child, so {@link SocketHandOver} relays it
 * and {@code talk} gets a {@link Connection} standing for the client. The cost the article warns about
 * remains (PP13: ten thousand users need ten thousand processes; chapter 05 answers with a pool). The
 * port is the first argument, or {@code -Dport=}, default 8080; tests use port 0. Try it with
 * {@link QuitOnEmptyInputClient} (P05) or {@link RepromptOnEmptyInputClient} (P13) in another terminal.
 */
public final class ProcessPerConnectionServer implements AutoCloseable {

    private static final Duration CHILD_EXIT_GRACE = Duration.ofSeconds(5);

    private final ServerSocket server;
    private final List<SocketHandOver> connections = new CopyOnWriteArrayList<>();
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    private final Thread acceptLoop;

    static void talk(Address handedOver) {
        try (Connection conn = SocketHandOver.connect(handedOver)) {
            while (true) {
                try {
                    byte[] msg = conn.recvBytes(); // msg = conn.recv(1024)
                    conn.sendBytes(Bytes.upper(msg)); // conn.send(msg.upper())
                } catch (ConnectionClosedException clientLeft) {
                    break; // if not msg: break
                }
            }
        }
    }

    private void acceptForever() {
        while (true) {
            Socket conn;
            try {
                conn = server.accept(); // conn, client_addr = server.accept()
            } catch (IOException closed) {
                return;
            }
            SocketHandOver handOver = SocketHandOver.of(conn);
            connections.add(handOver);
            Address address = handOver.address();
            ChildProcess p = new ChildProcess(() -> talk(address)); // Process(target=talk, args=(conn, client_addr))
            p.start();
            children.add(p);
            children.removeIf(child -> child.exitcode() != null); // forget the ended ones, as Python reaps them
            connections.removeIf(ended -> !ended.isRelaying());
        }
    }

    private ProcessPerConnectionServer(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true); // setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5); // listen(5)
        acceptLoop = Thread.ofPlatform().name("p04-accept").start(this::acceptForever);
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts accepting. */
    public static ProcessPerConnectionServer start(int port) throws IOException {
        return new ProcessPerConnectionServer(port);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Stops accepting, closes every connection (so every talk returns) and waits for every child. */
    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptLoop.join();
        connections.forEach(SocketHandOver::close);
        for (ChildProcess p : children) {
            p.join(CHILD_EXIT_GRACE);
            if (p.isAlive()) {
                p.terminate();
                p.join(CHILD_EXIT_GRACE);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("port", 8080);
        try (ProcessPerConnectionServer server = start(port)) {
            System.out.println("serving on 127.0.0.1:" + server.port() + ", one process per connection (stop with Ctrl+C)");
            server.acceptLoop.join(); // serves until the JVM is stopped, like the article's while True
        }
    }
}
