package dev.mp4j.selectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Beyond the article (S01's service, the other style): the same echo server written as plain blocking
 * code, one virtual thread per connection. Prints the same {@code echoing ...} and {@code closing ...}
 * lines as {@link SelectorEchoServer}.
 *
 * <p>This is the answer to the process chapter's worry (CATALOG PP13: ten thousand users would need ten
 * thousand processes): a virtual thread costs a few hundred bytes of heap while it waits, and when it
 * blocks in {@code read} or {@code write} the JDK parks it and hands the socket to its own poller
 * (epoll/kqueue), so ten thousand blocked connections are ten thousand parked objects, not ten thousand
 * OS threads. The selector loop of S01 is still there; the JDK writes it instead of us.
 *
 * <p>Partial writes do not exist in this style: {@code OutputStream.write} returns only when the socket
 * has taken every byte, parking this connection's thread meanwhile, and that thread simply stops
 * reading until then.
 *
 * <p>Settings: {@code -Dport=9999}, {@code -Dbacklog=4096}, {@code -Dquiet=true}. Serves until stopped.
 */
public final class VirtualThreadEchoServer implements EchoServer {

    private final ServerSocket sock;
    private final PrintStream out;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private boolean started;

    private VirtualThreadEchoServer(ServerSocket sock, PrintStream out) {
        this.sock = sock;
        this.out = out;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port); {@code out} receives the lines, {@code null} keeps quiet. */
    public static VirtualThreadEchoServer open(int port, int backlog, PrintStream out) throws IOException {
        ServerSocket sock = new ServerSocket();
        try {
            sock.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            return new VirtualThreadEchoServer(sock, out);
        } catch (IOException | RuntimeException e) {
            sock.close();
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        // Configure: the article's port, loopback only.
        int port = Integer.getInteger("port", 9999);
        int backlog = Integer.getInteger("backlog", 4096);
        PrintStream out = Boolean.getBoolean("quiet") ? null : System.out;
        // Start, then serve until the process is stopped; close() runs on the way out.
        try (VirtualThreadEchoServer server = open(port, backlog, out)) {
            server.start();
            server.awaitClose();
        }
    }

    @Override
    public int port() {
        return sock.getLocalPort();
    }

    @Override
    public synchronized VirtualThreadEchoServer start() {
        if (started || closing) {
            throw new IllegalStateException(closing ? "closed" : "already started");
        }
        started = true;
        threads.submit(this::acceptForever);
        return this;
    }

    private void acceptForever() {
        while (!closing) {
            Socket conn;
            try {
                conn = sock.accept();
            } catch (IOException e) {
                if (!closing) {
                    System.err.println("accept failed: " + e.getMessage()); // e.g. too many open files
                    continue;
                }
                return;
            }
            connections.add(conn);
            try {
                threads.submit(() -> echo(conn));
            } catch (RejectedExecutionException closedMeanwhile) {
                closeQuietly(conn);
                return;
            }
        }
    }

    /** One connection, start to end, as straight-line blocking code. */
    private void echo(Socket conn) {
        byte[] data = new byte[1024];
        try (conn) {
            if (closing) {
                return; // accepted just as close() swept the connections
            }
            InputStream in = conn.getInputStream();
            OutputStream back = conn.getOutputStream();
            for (int n; (n = in.read(data)) > 0; ) { // parks this virtual thread, not an OS thread
                if (out != null) {
                    out.println("echoing " + PythonRepr.bytes(data, 0, n) + " to " + PythonRepr.socket(conn));
                }
                back.write(data, 0, n); // returns when the socket took every byte
            }
            if (out != null) {
                out.println("closing " + PythonRepr.socket(conn));
            }
        } catch (IOException e) {
            // reset by the client, or closed by close(): this connection is over
        } finally {
            connections.remove(conn);
        }
    }

    @Override
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            sock.close(); // ends accept()
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket conn : connections) {
            closeQuietly(conn); // ends a blocked read or write with an exception
        }
        threads.close(); // waits for every connection's thread to finish
        stopped.countDown();
    }

    private static void closeQuietly(Socket conn) {
        try {
            conn.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
