package dev.mp4j.pool;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.Client;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.ConnectionClosedException;
import dev.mp4j.launcher.Listener;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.pool.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * O02 — seed 001, 进程池解决 / 参数介绍: the upper-casing socket server on {@code Pool()}. Each
 * connection's talk loop occupies one pool worker for the connection's whole life.
 *
 * <p>Why the article's ninth client hangs: the pool has as many workers as cores (eight there), and a
 * {@code talk} task only returns when its client leaves. The ninth connection is accepted by the
 * parent, but its task waits in the pool's queue: nobody reads what the client types. When any client
 * disconnects, its worker's {@code talk} returns, that worker takes the queued task, and the ninth client
 * gets its reply at once — from the very pid that served the client who left. The pool bounds the number
 * of processes (the cure for "ten thousand users, ten thousand processes"), but a blocking per-connection
 * loop then bounds the number of clients too; 07-selectors serves thousands from one thread instead.
 *
 * <p>Java difference, and why: CPython pickles the accepted socket's file descriptor to the worker; a
 * JVM cannot hand an open socket to another process. So the parent accepts the client and relays it:
 * for each connection it opens a private {@link Listener} (a Unix-domain socket with the process tree's
 * authkey), submits {@code talk(relayAddress)} to the pool, and copies bytes between the client and the
 * worker once the worker connects — which happens only when a worker starts the task, so the queuing
 * the article observed is unchanged. Port 8080 by default ({@code -Dport=}), pool size
 * {@code -Dprocesses=} (default: the core count).
 */
public final class EchoServerOnPool implements AutoCloseable {

    private final ServerSocket server;
    private final Pool pool;
    private final Thread acceptLoop;
    private final Set<Listener> waitingRelays = ConcurrentHashMap.newKeySet();

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

    /** The article's {@code talk}, in a worker: print the pid, then echo upper-cased until the client leaves. */
    static void talk(Address relay) {
        System.out.println(ProcessHandle.current().pid());
        try (Connection conn = Client.connect(relay)) {
            while (true) { // 通讯循环
                byte[] msg;
                try {
                    msg = conn.recvBytes();
                } catch (ConnectionClosedException clientLeft) {
                    break;
                }
                if (msg.length == 0) {
                    break;
                }
                conn.sendBytes(new String(msg, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void acceptClients() {
        while (true) { // 链接循环
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Listener relay = new Listener();
            waitingRelays.add(relay);
            Address address = relay.address();
            try {
                pool.applyAsync(() -> {
                    talk(address);
                    return null;
                });
            } catch (IllegalStateException poolClosed) {
                relay.close();
                closeQuietly(client);
                return;
            }
            Thread.ofVirtual().start(() -> relay(client, relay));
        }
    }

    /** Waits for the worker that runs this client's talk, then copies bytes both ways until either leaves. */
    private void relay(Socket client, Listener relay) {
        Connection worker;
        try {
            worker = relay.accept();
        } catch (RuntimeException serverStopping) {
            closeQuietly(client);
            return;
        } finally {
            waitingRelays.remove(relay);
            relay.close();
        }
        Thread toClient = Thread.ofVirtual().start(() -> {
            try (OutputStream out = client.getOutputStream()) {
                while (true) {
                    out.write(worker.recvBytes());
                    out.flush();
                }
            } catch (IOException | RuntimeException workerOrClientGone) {
                closeQuietly(client);
            }
        });
        try (InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                worker.sendBytes(Arrays.copyOf(buffer, n));
            }
        } catch (IOException | RuntimeException clientGone) {
            // the client left or the worker was stopped
        } finally {
            worker.close(); // the worker's recv sees end-of-file: talk returns and the worker is free
            closeQuietly(client);
        }
        try {
            toClient.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops accepting and terminates the pool: the talk loops end with their workers. */
    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptLoop.join();
        waitingRelays.forEach(Listener::close); // clients still queued get no worker now
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
