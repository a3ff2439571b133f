package dev.mp4j.selectors;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * S01 — seed 000, IO多路复用 › selectors模块 › 做一个socket servers: one thread serves every connection
 * through a {@link Selector} (epoll on Linux, kqueue on macOS: Java's counterpart of
 * {@code selectors.DefaultSelector()}).
 *
 * <p>As in the article, each registered key carries its callback as the attachment ({@code key.data}):
 * {@code accept} for the listening socket, {@code read} for a connection, and the loop
 * ({@link SelectorLoop}) just calls it.
 * Prints {@code echoing b'...' to <socket...>} and {@code closing <socket...>} like the article (the
 * socket repr leaves out {@code fd=}, which Java does not expose).
 *
 * <p>Changed from the article: its {@code conn.send(data)  # Hope it won't block} drops whatever a full
 * socket does not take. Here a short write keeps the rest, swaps the key's callback to {@code write}
 * and waits for write readiness ({@code OP_WRITE}); once everything is sent the key goes back to
 * {@code read}. Reading stops meanwhile, so a client that never reads is held back by TCP itself and
 * cannot make the server buffer without bound. {@code accept} drains the whole accept queue (the article
 * takes one connection per wakeup), and the backlog is 4096, not 100, because this chapter opens
 * thousands of connections at once. A connection reset closes that connection only.
 *
 * <p>Settings: {@code -Dport=9999}, {@code -Dbacklog=4096}, {@code -Dquiet=true} (no per-chunk lines,
 * for load tests). Serves until the process is stopped.
 */
public final class SelectorEchoServer implements EchoServer {

    private final SelectorLoop sel = new SelectorLoop(); // sel = selectors.DefaultSelector()
    private final ServerSocketChannel sock;
    private final PrintStream out;
    /** One receive buffer for all connections: only the loop thread reads. 1024 bytes, as {@code recv(1024)}. */
    private final ByteBuffer received = ByteBuffer.allocateDirect(1024);
    private final LongAdder stalledWrites = new LongAdder();

    private void accept(SelectionKey key) throws IOException {
        // Drain the accept queue: with thousands of clients connecting at once, one accept per wakeup
        // lets the listen backlog overflow and clients wait for SYN retries.
        for (SocketChannel conn; (conn = sock.accept()) != null; ) { // Should be ready
            conn.configureBlocking(false); // 设置为非阻塞IO
            sel.register(conn, SelectionKey.OP_READ, new Connection(conn)::read); // 新连接注册read回调函数
        }
    }

    /** One client connection: its socket and the part of an echo its socket could not take yet. */
    private final class Connection {
        private final SocketChannel conn;
        private ByteBuffer unsent;

        Connection(SocketChannel conn) {
            this.conn = conn;
        }

        void read(SelectionKey key) throws IOException {
            received.clear();
            int n = conn.read(received); // data = conn.recv(1024)  # Should be ready
            if (n < 0) {
                closeConnection(key);
                return;
            }
            received.flip();
            if (out != null && n > 0) {
                out.println("echoing " + PythonRepr.bytes(toArray(received)) + " to " + PythonRepr.socket(conn));
            }
            conn.write(received); // conn.send(data), which may take only part of it
            if (received.hasRemaining()) {
                // Keep the rest, stop reading, and finish when the socket can take more.
                unsent = ByteBuffer.allocate(received.remaining()).put(received).flip();
                stalledWrites.increment();
                SelectorLoop.expect(key, SelectionKey.OP_WRITE, this::write);
            }
        }

        void write(SelectionKey key) throws IOException {
            conn.write(unsent);
            if (!unsent.hasRemaining()) {
                unsent = null;
                SelectorLoop.expect(key, SelectionKey.OP_READ, this::read);
            }
        }
    }

    private void closeConnection(SelectionKey key) {
        if (out != null) {
            out.println("closing " + PythonRepr.socket((SocketChannel) key.channel()));
        }
        key.cancel(); // sel.unregister(conn)
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void failed(SelectionKey key, IOException e) {
        if (key.channel() == sock) {
            // e.g. "Too many open files": the listening socket stays; clients wait in the backlog
            System.err.println("accept failed: " + e.getMessage());
            return;
        }
        closeConnection(key); // a reset closes that connection only
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] data = new byte[buffer.remaining()];
        buffer.get(buffer.position(), data);
        return data;
    }

    private SelectorEchoServer(int port, int backlog, PrintStream out) throws IOException {
        this.out = out;
        sock = ServerSocketChannel.open();
        try {
            sock.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            sock.configureBlocking(false); // 设置为非阻塞IO
            sel.register(sock, SelectionKey.OP_ACCEPT, this::accept);
        } catch (IOException | RuntimeException e) {
            sock.close();
            sel.close();
            throw e;
        }
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port) and registers the listening socket with its
     * {@code accept} callback. {@code out} receives the article's lines; {@code null} keeps quiet.
     */
    public static SelectorEchoServer open(int port, int backlog, PrintStream out) throws IOException {
        return new SelectorEchoServer(port, backlog, out);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("port", 9999);
        int backlog = Integer.getInteger("backlog", 4096);
        PrintStream out = Boolean.getBoolean("quiet") ? null : System.out;
        try (SelectorEchoServer server = open(port, backlog, out)) {
            server.start();
            System.out.println("serving on 127.0.0.1:" + server.port() + " (stop with Ctrl+C)");
            server.awaitClose();
        }
    }

    @Override
    public int port() {
        return sock.socket().getLocalPort();
    }

    /** How many times a socket could not take a whole echo, so the server waited for {@code OP_WRITE}. */
    public long stalledWrites() {
        return stalledWrites.sum();
    }

    @Override
    public SelectorEchoServer start() {
        sel.start("selector-loop", this::failed);
        return this;
    }

    @Override
    public void awaitClose() throws InterruptedException {
        sel.awaitClose();
    }

    @Override
    public void close() {
        sel.close();
        try {
            sock.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
