package dev.mp4j.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/**
 * Hands an accepted client socket to another process, as CPython does when it passes {@code conn} to
 * {@code Process(target=talk, args=(conn, addr))} or to {@code pool.apply_async(talk, args=(conn, addr))}.
 *
 * <p>CPython duplicates the socket's file descriptor into the other process; a JVM cannot hand an open
 * socket to another JVM. So this process keeps the socket and relays it: the other process calls
 * {@link #connect(Address)} with {@link #address()} (a Unix-domain {@link Listener} guarded by the process
 * tree's authkey) and gets a {@link Connection} that stands for the client. Each chunk the client sends
 * (at most 1024 bytes, a {@code recv(1024)}) arrives as one {@code recvBytes()}; {@code sendBytes} goes
 * to the client; when the client closes, the next {@code recvBytes()} raises
 * {@code ConnectionClosedException}; when the other process closes its end, the client's socket is
 * closed. The relay waits for the other process as long as it takes, so a pool task still queued keeps
 * its client waiting, as in the article.
 */
public final class SocketHandOver implements AutoCloseable {

    private static final int RECV_SIZE = 1024;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

    private final Socket client;
    private final Listener listener = new Listener();
    private final Thread relay;

    private SocketHandOver(Socket client) {
        this.client = client;
        this.relay = Thread.ofVirtual().name("hand-over-" + client.getPort()).start(this::relay);
    }

    /** Starts relaying {@code client} to the first process that connects to {@link #address()}. */
    public static SocketHandOver of(Socket client) {
        return new SocketHandOver(client);
    }

    /** Where the receiving process connects; serializable, so a target can capture it. */
    public Address address() {
        return listener.address();
    }

    /** In the receiving process: the handed-over client, as a connection. */
    public static Connection connect(Address handedOver) {
        return Client.connect(handedOver);
    }

    /** True until both the client and the receiving process are done. */
    public boolean isRelaying() {
        return relay.isAlive();
    }

    private void relay() {
        Connection receiver;
        try {
            receiver = listener.accept();
        } catch (RuntimeException closedBeforeAnyoneCame) {
            closeClient();
            return;
        } finally {
            listener.close();
        }
        Thread toClient = Thread.ofVirtual().start(() -> copyToClient(receiver));
        try (InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[RECV_SIZE];
            for (int n; (n = in.read(buffer)) > 0; ) {
                receiver.sendBytes(Arrays.copyOf(buffer, n));
            }
        } catch (IOException | RuntimeException clientOrReceiverGone) {
            // either way the hand-over is over
        } finally {
            receiver.close(); // the receiver's next recvBytes() sees the client gone
            closeClient();
        }
        joinQuietly(toClient);
    }

    private void copyToClient(Connection receiver) {
        try (OutputStream out = client.getOutputStream()) {
            while (true) {
                out.write(receiver.recvBytes());
                out.flush();
            }
        } catch (IOException | RuntimeException receiverOrClientGone) {
            closeClient();
        }
    }

    /** Ends the hand-over: the client's socket closes, and so does the receiver's connection. */
    @Override
    public void close() {
        listener.close();
        closeClient();
        joinQuietly(relay);
    }

    private void closeClient() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(CLOSE_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
