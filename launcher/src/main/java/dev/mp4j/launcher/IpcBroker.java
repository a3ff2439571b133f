package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Challenge;
import dev.mp4j.launcher.internal.RuntimeDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The owner side of every {@link Queue} and {@link Pipe} created in this JVM: a registry of their
 * state and, once a handle has left the process, one Unix-domain listener in the private runtime
 * directory that handles in other processes connect to (tree authkey, then a hello naming the queue or
 * pipe end). Each accepted connection gets its own daemon thread, so a blocked {@code get} in one
 * process never delays another, and a JVM that owns queues still exits when its work is done.
 *
 * <p>Handles used in this JVM find their state in the registry and never touch a socket.
 */
final class IpcBroker {

    static final byte QUEUE = 1;
    static final byte PIPE = 2;
    static final byte HELLO_OK = 0;
    static final byte HELLO_REFUSED = 1;

    private static final Map<Long, QueueCore> queues = new ConcurrentHashMap<>();
    private static final Map<Long, PipeCore> pipes = new ConcurrentHashMap<>();
    private static final Object startLock = new Object();
    private static volatile Address address;
    private static ServerSocketChannel server;

    private IpcBroker() {
    }

    static long register(QueueCore core) {
        long id = newId();
        queues.put(id, core);
        return id;
    }

    static long register(PipeCore core) {
        long id = newId();
        pipes.put(id, core);
        return id;
    }

    /** The queue state when this JVM owns queue {@code id}, else null. */
    static QueueCore localQueue(long id) {
        return queues.get(id);
    }

    static PipeCore localPipe(long id) {
        return pipes.get(id);
    }

    private static long newId() {
        // The pid in the high bits keeps ids of different owners apart; the low bits are random.
        return (ProcessHandle.current().pid() << 32) ^ (ThreadLocalRandom.current().nextLong() & 0xffff_ffffL);
    }

    /** Where other processes reach this JVM's queues and pipes; starts listening on first call. */
    static Address address() {
        Address current = address;
        if (current != null) {
            return current;
        }
        synchronized (startLock) {
            if (address == null) {
                Path path = RuntimeDir.newPath("ipc", ".sock");
                try {
                    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                    server.bind(java.net.UnixDomainSocketAddress.of(path));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot listen for queue and pipe clients at " + path, e);
                }
                address = Address.unix(path);
                Thread.ofPlatform().daemon().name("mp4j-ipc-accept").start(IpcBroker::acceptLoop);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException ignored) {
                        // the runtime directory goes anyway
                    }
                }, "mp4j-ipc-cleanup"));
            }
            return address;
        }
    }

    private static void acceptLoop() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return;
            }
            Thread.ofPlatform().daemon().name("mp4j-ipc-session").start(() -> serve(channel));
        }
    }

    private static void serve(SocketChannel channel) {
        Connection connection = null;
        try {
            connection = new SocketConnection(channel, true, true);
            Challenge.serverSide(connection, Multiprocessing.authkey());
            ByteBuffer hello = ByteBuffer.wrap(connection.recvBytes());
            byte kind = hello.get();
            long id = hello.getLong();
            if (kind == QUEUE) {
                QueueCore core = queues.get(id);
                if (core == null) {
                    refuse(connection, "no such queue in process " + ProcessHandle.current().pid());
                    return;
                }
                connection.sendBytes(new byte[] {HELLO_OK});
                QueueSession.serve(core, connection);
            } else if (kind == PIPE) {
                int end = hello.get();
                PipeCore core = pipes.get(id);
                if (core == null) {
                    refuse(connection, "no such pipe in process " + ProcessHandle.current().pid());
                    return;
                }
                core.attachRemote(end, connection, channel); // answers the hello itself
                connection = null; // the pipe owns it now
            } else {
                refuse(connection, "unknown handle kind " + kind);
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            // a client that failed the challenge or vanished: nothing to keep
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    static void refuse(Connection connection, String why) {
        byte[] text = why.getBytes(StandardCharsets.UTF_8);
        byte[] reply = new byte[text.length + 1];
        reply[0] = HELLO_REFUSED;
        System.arraycopy(text, 0, reply, 1, text.length);
        connection.sendBytes(reply);
    }

    /** A connection to an owner, with its channel (a pipe needs it to half-close). */
    record Link(Connection connection, SocketChannel channel) {
    }

    /**
     * Connects to the owner at {@code owner} and names the queue or pipe end; a dead owner gives
     * {@link ConnectionClosedException}, an owner that no longer has it an IllegalStateException.
     */
    static Link connect(Address owner, byte kind, long id, int end, String what) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(owner.socketAddress());
        } catch (IOException e) {
            closeQuietly(channel);
            throw ownerGone(what, e);
        }
        Connection connection = null;
        try {
            connection = new SocketConnection(channel, true, true);
            Challenge.clientSide(connection, Multiprocessing.authkey());
            ByteBuffer hello = ByteBuffer.allocate(10).put(kind).putLong(id).put((byte) end);
            connection.sendBytes(hello.array());
            byte[] reply = connection.recvBytes();
            if (reply[0] != HELLO_OK) {
                throw new IllegalStateException("cannot use " + what + ": " + new String(reply, 1, reply.length - 1, StandardCharsets.UTF_8));
            }
            return new Link(connection, channel);
        } catch (ConnectionClosedException e) {
            connection.close();
            throw ownerGone(what, e);
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            closeQuietly(channel);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    static ConnectionClosedException ownerGone(String what, Exception cause) {
        ConnectionClosedException gone = new ConnectionClosedException(
                "the process that owns " + what + " has exited (" + cause.getMessage() + ")");
        gone.addSuppressed(cause);
        return gone;
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
