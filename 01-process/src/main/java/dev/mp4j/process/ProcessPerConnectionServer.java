package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * P04 — seeds 001 (sokcet 多并发 › server端的) and 002 (2.2 守护进程 › socket聊天并发实例 › server): an upper-casing echo
 * server on 127.0.0.1:8080 that starts one process per accepted connection; the child runs {@code talk}:
 * {@code recv(1024)}, upper-case, {@code send}, until the client closes.
 *
 * <p>Java differs: Python hands the accepted socket itself to the child (its file descriptor is duplicated
 * into the new process); a JVM cannot pass a socket to another JVM. So the parent accepts, opens a one-use
 * loopback port for that connection and starts a child whose {@code talk} connects to it and serves the
 * article's protocol there; the parent copies bytes between the client and the child. The child proves
 * itself with a random ticket that travels inside its target (over the launcher's private pipe, not on a
 * command line), so no other local program can take the client's place. The cost the article warns about
 * remains (PP13: ten thousand users need ten thousand processes; chapter 05 answers with a pool), plus
 * here two relay (virtual) threads per client in the parent.
 *
 * <p>The port is the first argument, or {@code -Dport=}, default 8080; tests use port 0. {@link #close()}
 * stops accepting, closes every connection and waits for (or terminates) every child. Try it with {@link
 * QuitOnEmptyInputClient} (P05) or {@link RepromptOnEmptyInputClient} (P13) in another terminal.
 */
public final class ProcessPerConnectionServer implements AutoCloseable {

    private static final int TICKET_BYTES = 16;
    private static final int CHILD_CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final Duration CHILD_EXIT_GRACE = Duration.ofSeconds(5);

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<ChildProcess> talkers = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    private ProcessPerConnectionServer(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("p04-accept").unstarted(this::acceptForever);
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts accepting. */
    public static ProcessPerConnectionServer start(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true); // setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5); // listen(5)
        ProcessPerConnectionServer running = new ProcessPerConnectionServer(server);
        running.acceptor.start();
        return running;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Blocks until {@link #close()} is called (from another thread) or the accept loop fails. */
    public void awaitClosed() throws InterruptedException {
        acceptor.join();
    }

    /** The article's {@code talk(conn, client_addr)}, run in the child JVM. */
    static void talk(int relayPort, byte[] ticket, String clientAddr) throws IOException {
        try (Socket conn = new Socket(InetAddress.getLoopbackAddress(), relayPort)) {
            conn.getOutputStream().write(ticket);
            InputStream in = conn.getInputStream();
            OutputStream out = conn.getOutputStream();
            byte[] msg = new byte[1024];
            while (true) {
                try {
                    int n = in.read(msg); // msg = conn.recv(1024)
                    if (n < 0) {
                        break; // if not msg: break (the client closed)
                    }
                    out.write(upper(msg, n)); // conn.send(msg.upper())
                } catch (IOException e) {
                    break; // except Exception: break
                }
            }
        }
    }

    /** Python's {@code bytes.upper()}: ASCII letters only, so UTF-8 text split across reads stays intact. */
    static byte[] upper(byte[] msg, int length) {
        byte[] upper = new byte[length];
        for (int i = 0; i < length; i++) {
            byte b = msg[i];
            upper[i] = b >= 'a' && b <= 'z' ? (byte) (b - ('a' - 'A')) : b;
        }
        return upper;
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket conn = server.accept(); // conn, client_addr = server.accept()
                connections.add(conn);
                if (server.isClosed()) {
                    conn.close(); // close() ran between accept and add: it may have missed this one
                    continue;
                }
                Thread handler = Thread.ofVirtual().name("p04-conn-" + conn.getPort()).unstarted(() -> serve(conn));
                handlers.add(handler);
                handler.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("accept failed: " + e);
                }
            }
        }
    }

    /** Starts the connection's child, waits for it to connect back, then relays until either side closes. */
    private void serve(Socket client) {
        ChildProcess p = null;
        try (client; ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            byte[] ticket = new byte[TICKET_BYTES];
            random.nextBytes(ticket);
            int relayPort = relay.getLocalPort();
            String clientAddr = client.getRemoteSocketAddress().toString();
            p = new ChildProcess(() -> talk(relayPort, ticket, clientAddr)); // Process(target=talk, args=(conn, client_addr))
            talkers.add(p);
            p.start();
            try (Socket child = acceptChild(relay, ticket)) {
                relay.close();
                relay(client, child);
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                System.err.println("connection failed: " + e);
            }
        } finally {
            connections.remove(client);
            if (p != null) {
                stop(p);
                talkers.remove(p);
            }
            handlers.remove(Thread.currentThread());
        }
    }

    private static Socket acceptChild(ServerSocket relay, byte[] ticket) throws IOException {
        relay.setSoTimeout(CHILD_CONNECT_TIMEOUT_MILLIS);
        while (true) {
            Socket candidate = relay.accept();
            try {
                candidate.setSoTimeout(CHILD_CONNECT_TIMEOUT_MILLIS);
                byte[] presented = candidate.getInputStream().readNBytes(TICKET_BYTES);
                if (MessageDigest.isEqual(presented, ticket)) {
                    candidate.setSoTimeout(0);
                    return candidate;
                }
            } catch (SocketTimeoutException slow) {
                // not our child: drop it and keep waiting
            }
            candidate.close();
        }
    }

    /** Client to child on a helper thread, child to client here; each side's end-of-stream is passed on. */
    private static void relay(Socket client, Socket child) throws IOException {
        Thread upstream = Thread.ofVirtual().start(() -> {
            try {
                client.getInputStream().transferTo(child.getOutputStream());
            } catch (IOException ignored) {
                // the client went away abruptly: same as a close for the child
            }
            try {
                child.shutdownOutput(); // the child's recv returns b'' and its loop ends
            } catch (IOException ignored) {
                // the child is already gone
            }
        });
        try {
            child.getInputStream().transferTo(client.getOutputStream());
        } finally {
            client.close(); // also ends the upstream copy if the child ended first
            try {
                upstream.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void stop(ChildProcess p) {
        if (p.pid() == null) {
            return; // never started
        }
        try {
            p.join(CHILD_EXIT_GRACE);
            if (p.isAlive()) {
                p.terminate();
                p.join(CHILD_EXIT_GRACE);
            }
        } catch (InterruptedException e) {
            p.kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting, closes every connection and waits until every child has ended. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket conn : connections) {
            conn.close();
        }
        try {
            acceptor.join(CHILD_EXIT_GRACE);
            for (Thread handler : handlers) {
                handler.join(CHILD_EXIT_GRACE.multipliedBy(3));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        talkers.forEach(ProcessPerConnectionServer::stop);
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("port", 8080);
        try (ProcessPerConnectionServer server = start(port)) {
            System.out.println("serving on 127.0.0.1:" + server.port() + ", one process per connection (stop with Ctrl+C)");
            server.awaitClosed(); // serves until the JVM is stopped, like the article's while True
        }
    }
}
