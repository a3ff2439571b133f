package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.AuthenticationException;
import dev.mp4j.launcher.Client;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.ConnectionClosedException;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.internal.HandleCodec;
import dev.mp4j.launcher.internal.Timeouts;
import dev.mp4j.launcher.internal.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of the Manager protocol, shared by every proxy in this JVM: a pool of authenticated
 * connections per server, each call taking one connection for its round trip. A call that blocks on the
 * server (a lock, a queue get) holds its connection; other threads take others. Lock ownership travels
 * in every call as (this JVM's token, the caller's thread id), so pooling does not blur owners.
 */
final class ManagerClient {

    /** This JVM, as a lock owner: random, so it is unique across machines too. */
    static final long PROCESS_TOKEN = ThreadLocalRandom.current().nextLong();

    private static final byte[] CANCEL_FRAME = {ManagerCodec.CANCEL};
    private static final Map<Endpoint, ConcurrentLinkedDeque<Connection>> pools = new ConcurrentHashMap<>();
    /**
     * Server instance -> the address this process reached it by. A proxy carries the address the server
     * bound (e.g. 0.0.0.0, meaningless on another host); a process that connected by address uses that.
     */
    private static final Map<Long, Address> routes = new ConcurrentHashMap<>();

    private ManagerClient() {
    }

    /**
     * Where a server is and how to prove we may use it. A null key means the process tree's key, which
     * every child inherits; a explicit key (a remote manager's) travels with a serialized proxy.
     */
    record Endpoint(Address address, byte[] authkey, long instance) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        byte[] key() {
            return authkey != null ? authkey : Multiprocessing.authkey();
        }

        /** The fields its serialized form carries, for a proxy written without an object stream. */
        void write(DataOutput out) throws IOException {
            address.writeHandle(out);
            out.writeInt(authkey == null ? -1 : authkey.length);
            if (authkey != null) {
                out.write(authkey);
            }
            out.writeLong(instance);
        }

        static Endpoint read(DataInput in) throws IOException {
            Address address = HandleCodec.readField(in, Address.class);
            if (address == null) {
                throw new StreamCorruptedException("a manager's endpoint without its address");
            }
            int keyLength = in.readInt();
            byte[] authkey = keyLength < 0 ? null : new byte[keyLength];
            if (authkey != null) {
                in.readFully(authkey);
            }
            return new Endpoint(address, authkey, in.readLong());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Endpoint that && address.equals(that.address) && instance == that.instance
                    && Arrays.equals(authkey, that.authkey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(address, instance);
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /** Connects and authenticates; returns the server's instance id. Wrong key: AuthenticationException. */
    static long handshake(Address address, byte[] authkey, ConcurrentLinkedDeque<Connection> keep) {
        Connection connection = open(address, authkey);
        long instance;
        try {
            instance = new ManagerCodec.In(connection.recvBytes()).readLong();
        } catch (RuntimeException e) {
            connection.close();
            throw gone(address, e);
        }
        routes.putIfAbsent(instance, address);
        if (keep != null) {
            keep.add(connection);
        } else {
            connection.close();
        }
        return instance;
    }

    private static Connection open(Address address, byte[] authkey) {
        try {
            return Client.connect(address, authkey);
        } catch (AuthenticationException e) {
            throw new AuthenticationException("the manager at " + address + " refused this client: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw gone(address, e);
        }
    }

    static ConnectionClosedException gone(Object address, RuntimeException e) {
        ConnectionClosedException gone = new ConnectionClosedException("the manager server at " + address
                + " is gone (it was shut down or its process died): " + e.getMessage());
        gone.addSuppressed(e);
        return gone;
    }

    /** Creates an object of {@code typeid} on the server and returns its id. */
    static long create(Endpoint endpoint, String typeid, Object... args) {
        WriteBehind.drainPending();
        ManagerCodec.Out out = new ManagerCodec.Out().writeByte(ManagerCodec.CREATE).writeString(typeid);
        return (Long) roundTrip(endpoint, ManagerCodec.writeValues(out, args));
    }

    static void register(Endpoint endpoint, String typeid, Registration registration) {
        WriteBehind.drainPending();
        roundTrip(endpoint, new ManagerCodec.Out().writeByte(ManagerCodec.REGISTER).writeString(typeid).writeValue(registration));
    }

    static void shutdown(Endpoint endpoint) {
        WriteBehind.drainPending();
        roundTrip(endpoint, new ManagerCodec.Out().writeByte(ManagerCodec.SHUTDOWN));
        forget(endpoint);
    }

    /** Calls {@code method} on object {@code id}: one frame out, one back. */
    static Object call(Endpoint endpoint, long id, String method, Object... args) {
        WriteBehind.drainPending();
        Thread caller = Thread.currentThread();
        ManagerCodec.Out out = new ManagerCodec.Out().writeByte(ManagerCodec.CALL).writeLong(id)
                .writeLong(PROCESS_TOKEN).writeLong(caller.threadId()).writeString(method);
        return roundTrip(endpoint, ManagerCodec.writeValues(out, args));
    }

    /** Closes this JVM's idle connections to {@code endpoint}. */
    static void forget(Endpoint endpoint) {
        ConcurrentLinkedDeque<Connection> pool = pools.remove(endpoint);
        if (pool != null) {
            for (Connection connection; (connection = pool.poll()) != null; ) {
                connection.close();
            }
        }
    }

    static ConcurrentLinkedDeque<Connection> pool(Endpoint endpoint) {
        return pools.computeIfAbsent(endpoint, e -> new ConcurrentLinkedDeque<>());
    }

    /** An idle pooled connection, or a new one checked to reach the same server instance. */
    static Connection take(Endpoint endpoint, ConcurrentLinkedDeque<Connection> pool) {
        Connection connection = pool.pollLast();
        if (connection != null) {
            return connection;
        }
        connection = open(routes.getOrDefault(endpoint.instance(), endpoint.address()), endpoint.key());
        long instance;
        try {
            instance = new ManagerCodec.In(connection.recvBytes()).readLong();
        } catch (RuntimeException e) {
            connection.close();
            throw gone(endpoint, e);
        }
        if (instance != endpoint.instance()) {
            connection.close();
            throw new IllegalStateException("the manager server at " + endpoint
                    + " was restarted: the objects this proxy refers to are gone");
        }
        return connection;
    }

    private static Object roundTrip(Endpoint endpoint, ManagerCodec.Out request) {
        ConcurrentLinkedDeque<Connection> pool = pool(endpoint);
        Connection connection = take(endpoint, pool);
        byte[] reply;
        try {
            connection.sendBytes(request.buf, 0, request.size);
            reply = awaitReply(connection);
        } catch (RuntimeException e) {
            connection.close(); // its state is unknown now (interrupted mid-call, or the server died)
            if (e instanceof java.util.concurrent.CancellationException) {
                throw e;
            }
            throw gone(endpoint, e);
        }
        pool.addLast(connection);
        ManagerCodec.In in = new ManagerCodec.In(reply);
        if (in.readByte() == ManagerCodec.OK) {
            return in.readValue();
        }
        String type = in.readString();
        if (type.equals(InterruptedException.class.getName())) {
            throw Timeouts.interrupted("a manager call"); // the server ended the wait on this caller's cancel
        }
        throw rethrowable(endpoint, type, in.readString(), in.readString(), in.readBytes());
    }

    /**
     * The reply to a call, on the launcher's interrupt rule. A caller interrupted before or during its
     * call tells the server so ({@link CancelWatch}) and still waits for the reply, so both sides agree:
     * a call the server had already done (a free lock taken) returns its result, one it was still waiting
     * on replies InterruptedException, raised here as CancellationException. The flag is set again.
     */
    private static byte[] awaitReply(Connection connection) {
        boolean interrupted = Thread.interrupted(); // set already, it would end the wait at once
        boolean cancelSent = false;
        try {
            while (true) {
                if (interrupted && !cancelSent) {
                    connection.sendBytes(CANCEL_FRAME);
                    cancelSent = true;
                }
                try {
                    return connection.recvBytes();
                } catch (java.util.concurrent.CancellationException interruptedWhileWaiting) {
                    interrupted = true;
                    Thread.interrupted(); // the reply is still coming: wait on for it
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The server's exception, re-raised here: the same unchecked type when it can be read back (its
     * stack trace is the server's; the caller's is added as a suppressed {@link RemoteError}), otherwise a
     * RemoteError carrying the server's traceback text and, when readable, the original as cause.
     */
    static RuntimeException rethrowable(Endpoint endpoint, String type, String message, String trace, byte[] bytes) {
        Throwable original = null;
        if (bytes.length > 0) {
            try {
                original = (Throwable) ValueCodec.decode(bytes);
            } catch (RuntimeException | LinkageError unreadable) {
                original = null;
            }
        }
        String where = "raised in the manager server at " + endpoint;
        if (original instanceof RuntimeException runtime) {
            runtime.addSuppressed(new RemoteError(where + "; this is the caller's side", null));
            return runtime;
        }
        if (original instanceof Error error) {
            error.addSuppressed(new RemoteError(where + "; this is the caller's side", null));
            throw error;
        }
        return new RemoteError(type + ": " + message + " (" + where + ")\n---- server traceback ----\n" + trace, original);
    }
}
