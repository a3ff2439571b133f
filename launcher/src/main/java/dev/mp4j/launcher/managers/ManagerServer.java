package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.Client;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Listener;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Target;
import dev.mp4j.launcher.internal.Challenge;
import dev.mp4j.launcher.internal.RuntimeDir;
import dev.mp4j.launcher.internal.Serialization;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Manager's server (CPython's {@code managers.Server}): holds the shared objects by id and serves
 * each accepted connection on its own thread, one call frame in, one reply frame out. The authkey
 * challenge runs on that thread too, so a silent client cannot stall the accept loop. A call whose
 * payload the filter refuses, or whose method throws, gets an error reply; the server goes on.
 */
final class ManagerServer {

    /** Id of the dict every server starts with, where {@link Manager#publish} stores names. */
    static final long NAMES_ID = 0;

    private final Listener listener;
    private final byte[] authkey;
    private final long instance = ThreadLocalRandom.current().nextLong();
    private final Map<Long, Managed> objects = new ConcurrentHashMap<>();
    private final Map<String, Registration> types = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId = new AtomicLong(NAMES_ID + 1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CancelWatch cancelWatch = new CancelWatch();

    /** Listens on {@code address} (a private Unix socket when null) for clients that know {@code authkey}. */
    ManagerServer(Address address, byte[] authkey) {
        this.authkey = authkey.clone();
        this.listener = new Listener(address != null ? address : Address.unix(RuntimeDir.newPath("m", ".sock")), null);
        objects.put(NAMES_ID, new ManagedDict());
        Thread.ofPlatform().daemon().name("mp4j-manager-accept").start(this::acceptLoop);
    }

    Address address() {
        return listener.address();
    }

    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Stops listening and drops every connection, so blocked proxies fail at once. */
    void stop() {
        if (isStopped()) {
            return;
        }
        stopped.countDown();
        cancelWatch.stop();
        listener.close();
        for (Connection connection : open) {
            connection.close();
        }
    }

    private void acceptLoop() {
        while (!isStopped()) {
            Connection connection;
            try {
                connection = listener.accept();
            } catch (RuntimeException e) {
                if (isStopped()) {
                    return;
                }
                continue;
            }
            open.add(connection);
            Thread.ofPlatform().daemon().name("mp4j-manager-conn").start(() -> serve(connection));
        }
    }

    private void serve(Connection connection) {
        try {
            Challenge.serverSide(connection, authkey);
            connection.sendBytes(new ManagerCodec.Out().writeLong(instance).buf, 0, 8);
            ManagerCodec.Out batchFailure = null; // the first failed write-behind call since the last SYNC
            while (!isStopped()) {
                byte[] request = connection.recvBytes();
                if (request[0] == ManagerCodec.BATCH) {
                    ManagerCodec.In batch = new ManagerCodec.In(request);
                    batch.readByte();
                    while (batch.hasMore()) {
                        ManagerCodec.Out reply = call(batch.slice(batch.readInt()));
                        if (batchFailure == null && reply.buf[0] == ManagerCodec.ERROR) {
                            batchFailure = reply;
                        }
                    }
                    continue;
                }
                ManagerCodec.Out reply;
                if (request[0] == ManagerCodec.CANCEL) {
                    continue; // the call it meant had already replied
                } else if (request[0] == ManagerCodec.SYNC) {
                    reply = batchFailure != null ? batchFailure : new ManagerCodec.Out().writeByte(ManagerCodec.OK);
                    batchFailure = null;
                } else {
                    try (CancelWatch.Call call = cancelWatch.begin(connection)) {
                        reply = handle(request);
                    }
                }
                connection.sendBytes(reply.buf, 0, reply.size);
            }
        } catch (RuntimeException closedOrRefused) {
            // the client left, failed the challenge, or the server is stopping
        } finally {
            open.remove(connection);
            connection.close();
        }
    }

    private ManagerCodec.Out handle(byte[] request) {
        ManagerCodec.Out out = new ManagerCodec.Out();
        try {
            ManagerCodec.In in = new ManagerCodec.In(request);
            Object result = switch (in.readByte()) {
                case ManagerCodec.CALL -> invoke(in);
                case ManagerCodec.CREATE -> create(in.readString(), in.readValues());
                case ManagerCodec.REGISTER -> {
                    String typeid = in.readString();
                    types.put(typeid, (Registration) in.readValue());
                    yield null;
                }
                case ManagerCodec.SHUTDOWN -> {
                    Thread.ofPlatform().daemon().start(this::stop); // after this reply has gone out
                    yield null;
                }
                default -> throw new IllegalStateException("corrupt manager request");
            };
            return out.writeByte(ManagerCodec.OK).writeValue(result);
        } catch (Throwable failure) {
            return error(failure);
        }
    }

    /** One call of a BATCH: its reply is only kept if it failed. */
    private ManagerCodec.Out call(ManagerCodec.In in) {
        try {
            invoke(in);
            return new ManagerCodec.Out().writeByte(ManagerCodec.OK);
        } catch (Throwable failure) {
            return error(failure);
        }
    }

    private Object invoke(ManagerCodec.In in) throws Exception {
        long id = in.readLong();
        Owner owner = new Owner(in.readLong(), in.readLong());
        String method = in.readString();
        Object[] args = in.readValues();
        Managed target = objects.get(id);
        if (target == null) {
            throw new IllegalStateException("the manager has no object with id " + id);
        }
        return target.call(owner, method, args);
    }

    private long create(String typeid, Object[] a) throws Exception {
        ManagedType builtIn = ManagedType.of(typeid);
        Managed object;
        if (builtIn != null) {
            object = builtIn.create(a);
        } else {
            Registration registration = types.get(typeid);
            if (registration == null) {
                throw new IllegalArgumentException("no type registered as '" + typeid + "' on this manager");
            }
            object = new ManagedInstance(typeid, registration.factory().create(), registration.exposedSet());
        }
        long id = nextId.getAndIncrement();
        objects.put(id, object);
        return id;
    }

    /** An error reply: the exception's type, message and stack trace as text, and the exception itself. */
    private static ManagerCodec.Out error(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        byte[] serialized;
        try {
            serialized = Serialization.toBytes(failure, "an exception");
        } catch (RuntimeException notSerializable) {
            serialized = new byte[0];
        }
        return new ManagerCodec.Out().writeByte(ManagerCodec.ERROR)
                .writeString(failure.getClass().getName())
                .writeString(String.valueOf(failure.getMessage()))
                .writeString(trace.toString())
                .writeBytes(serialized);
    }

    /** Entry point of a server child JVM: report the address to the parent, serve until told to stop. */
    record ChildServer(Address controlAddress, Address bind, byte[] authkey) implements Target, Serializable {
        @Override
        public void run() throws Exception {
            try (Connection control = Client.connect(controlAddress)) {
                ManagerServer server;
                try {
                    server = new ManagerServer(bind, authkey != null ? authkey : Multiprocessing.authkey());
                } catch (RuntimeException e) {
                    control.send(List.of("error", String.valueOf(e.getMessage())));
                    return;
                }
                control.send(List.of("ready", server.address()));
                // The parent closing the control connection (or dying) stops the server.
                Thread.ofPlatform().daemon().name("mp4j-manager-control").start(() -> {
                    try {
                        control.recvBytes();
                    } catch (RuntimeException parentGone) {
                        // EOF: stop
                    }
                    server.stop();
                });
                server.awaitStopped();
            }
        }
    }
}
