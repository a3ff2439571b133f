package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.AuthenticationException;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.ConnectionClosedException;
import dev.mp4j.launcher.Listener;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.SharedBarrier;
import dev.mp4j.launcher.SharedCondition;
import dev.mp4j.launcher.SharedEvent;
import dev.mp4j.launcher.SharedLock;
import dev.mp4j.launcher.SharedSemaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's {@code multiprocessing.Manager()}: a server process holds dicts, lists, values, locks and
 * queues, and every process reaches them through proxies, which are serializable and may be captured
 * by a {@link ChildProcess}'s target or sent through a queue.
 *
 * <pre>{@code
 * try (Manager manager = new Manager()) {
 *     DictProxy<Long, Long> d = manager.dict();
 *     ChildProcess p = new ChildProcess(() -> d.put(pid, pid));
 *     ...
 * }
 * }</pre>
 *
 * Four ways to have one: {@link #Manager()} starts a server JVM on a private Unix-domain socket with the
 * process tree's authkey; {@link #Manager(Address, byte[])} starts one on a given (TCP) address with a
 * given key; {@link #serve} runs the server inside this JVM; {@link #connect} reaches a running server
 * from another process or machine. Closing a manager that started or runs the server stops it; closing
 * a connected one only drops this process's connections. Objects live until the server stops (there is
 * no reference counting).
 */
public final class Manager implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ManagerClient.Endpoint endpoint;
    private final ChildProcess serverProcess;
    private final Connection control;
    private final ManagerServer localServer;
    private volatile boolean closed;

    /** Starts a server JVM on a private Unix-domain socket, authenticated with this process tree's key. */
    public Manager() {
        this((Address) null, null);
    }

    /**
     * Starts a server JVM listening on {@code address} (e.g. {@code Address.tcp("127.0.0.1", 0)}; bind
     * another interface only if other machines must connect) for clients knowing {@code authkey} (null:
     * the process tree's key).
     */
    public Manager(Address address, byte[] authkey) {
        try (Listener handshake = new Listener()) {
            ChildProcess server = new ChildProcess(new ManagerServer.ChildServer(handshake.address(), address, authkey), "SyncManager");
            server.setDaemon(true); // never outlives this process, even without close()
            server.start();
            Connection connection = acceptWhileAlive(handshake, server);
            List<?> report = (List<?>) connection.recv();
            if (!"ready".equals(report.get(0))) {
                connection.close();
                server.join(5);
                throw new IllegalStateException("the manager server could not start: " + report.get(1));
            }
            Address bound = (Address) report.get(1);
            this.serverProcess = server;
            this.control = connection;
            this.localServer = null;
            this.endpoint = new ManagerClient.Endpoint(bound, authkey, ManagerClient.handshake(bound, keyOrTree(authkey), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the manager server", e);
        }
    }

    private Manager(ManagerClient.Endpoint endpoint, ManagerServer localServer) {
        this.endpoint = endpoint;
        this.serverProcess = null;
        this.control = null;
        this.localServer = localServer;
    }

    /**
     * Runs a manager server inside this JVM, listening on {@code address} for clients that know
     * {@code authkey}; the returned manager creates objects on it, and {@link #close()} stops it.
     */
    public static Manager serve(Address address, byte[] authkey) {
        ManagerServer server = new ManagerServer(address, requireKey(authkey));
        try {
            long instance = ManagerClient.handshake(server.address(), authkey, null);
            return new Manager(new ManagerClient.Endpoint(server.address(), authkey.clone(), instance), server);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /**
     * Connects to a running server (CPython's {@code BaseManager(address, authkey).connect()}). A wrong key
     * throws {@link AuthenticationException}; no server there, {@link ConnectionClosedException}.
     */
    public static Manager connect(Address address, byte[] authkey) {
        long instance = ManagerClient.handshake(address, requireKey(authkey), null);
        return new Manager(new ManagerClient.Endpoint(address, authkey.clone(), instance), null);
    }

    private static byte[] requireKey(byte[] authkey) {
        if (authkey == null || authkey.length == 0) {
            throw new IllegalArgumentException("a manager reachable by address needs an authkey");
        }
        return authkey;
    }

    private static byte[] keyOrTree(byte[] authkey) {
        return authkey != null ? authkey : Multiprocessing.authkey();
    }

    private static Connection acceptWhileAlive(Listener handshake, ChildProcess server) throws InterruptedException {
        CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(handshake::accept);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                return accepted.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    handshake.close();
                    server.kill();
                    throw new IllegalStateException("the manager server process ended before it was ready (exit code "
                            + server.exitcode() + ")");
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("the manager server did not report: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Where the server listens: give it, with the authkey, to {@link #connect} in another process. */
    public Address address() {
        return endpoint.address();
    }

    /** The server's process id when this manager started it, else null. */
    public Long pid() {
        return serverProcess == null ? null : serverProcess.pid();
    }

    ChildProcess serverProcess() {
        return serverProcess;
    }

    // ---- factories (CPython's SyncManager typeids) ----

    public <K, V> DictProxy<K, V> dict() {
        return new DictProxy<>(newRef(ManagedType.DICT));
    }

    public <E> ListProxy<E> list() {
        return new ListProxy<>(newRef(ManagedType.LIST));
    }

    /** Python's {@code manager.list(range(5))}: a list starting with {@code items}. */
    public <E> ListProxy<E> list(Iterable<? extends E> items) {
        List<E> copy = new ArrayList<>();
        items.forEach(copy::add);
        return new ListProxy<>(newRef(ManagedType.LIST, copy));
    }

    /** Python's {@code manager.Value(typecode, value)}, e.g. {@code value('d', 0.0)}. */
    public <T> ValueProxy<T> value(char typecode, T initial) {
        return new ValueProxy<>(newRef(ManagedType.VALUE, typecode, initial), typecode);
    }

    /** Python's {@code manager.Array(typecode, sequence)}, e.g. {@code array('i', List.of(0, 1, 2))}. */
    public <T> ArrayProxy<T> array(char typecode, Iterable<?> values) {
        List<Object> copy = new ArrayList<>();
        values.forEach(copy::add);
        return new ArrayProxy<>(newRef(ManagedType.ARRAY, typecode, copy), typecode);
    }

    public NamespaceProxy namespace() {
        return new NamespaceProxy(newRef(ManagedType.NAMESPACE));
    }

    public SharedLock lock() {
        return new LockProxy(newRef(ManagedType.LOCK), false);
    }

    public SharedLock rLock() {
        return new LockProxy(newRef(ManagedType.RLOCK), true);
    }

    public SharedSemaphore semaphore(int value) {
        return new SemaphoreProxy(newRef(ManagedType.SEMAPHORE, value));
    }

    /** A semaphore that refuses to be released above {@code value}. */
    public SharedSemaphore boundedSemaphore(int value) {
        return new SemaphoreProxy(newRef(ManagedType.BOUNDED_SEMAPHORE, value));
    }

    public SharedEvent event() {
        return new EventProxy(newRef(ManagedType.EVENT));
    }

    public SharedCondition condition() {
        return new ConditionProxy(newRef(ManagedType.CONDITION));
    }

    public SharedBarrier barrier(int parties) {
        return new BarrierProxy(newRef(ManagedType.BARRIER, parties));
    }

    public <E> QueueProxy<E> queue() {
        return queue(0);
    }

    /** A queue holding at most {@code maxsize} items (0: unbounded). */
    public <E> QueueProxy<E> queue(int maxsize) {
        return new QueueProxy<>(newRef(ManagedType.QUEUE, maxsize), false);
    }

    public <E> QueueProxy<E> joinableQueue() {
        return new QueueProxy<>(newRef(ManagedType.JOINABLE_QUEUE, 0), true);
    }

    // ---- custom types (CPython's BaseManager.register) ----

    /**
     * Registers a type on the server: {@code register("Counter", Counter::new)}; {@code exposed} limits
     * the callable methods to those names (default: every public method).
     */
    public void register(String typeid, SharedFactory<?> factory, String... exposed) {
        ManagerClient.register(endpoint, typeid, new Registration(factory, exposed.length == 0 ? null : exposed.clone()));
    }

    /** Creates an instance of a registered type on the server. */
    public ObjectProxy create(String typeid) {
        return new ObjectProxy(newRef(typeid), typeid);
    }

    /** Creates an instance of a registered type and returns a typed view through {@code type}. */
    public <T> T create(String typeid, Class<T> type) {
        return create(typeid).as(type);
    }

    // ---- names, for processes that connect by address ----

    /** Stores {@code proxy} on the server under {@code name}, for {@link #lookup} in other processes. */
    public void publish(String name, Object proxy) {
        names().put(name, proxy);
    }

    /** The proxy {@link #publish published} as {@code name}. */
    @SuppressWarnings("unchecked")
    public <P> P lookup(String name) {
        Object proxy = names().get(name);
        if (proxy == null) {
            throw new NoSuchElementException("nothing is published as '" + name + "' on the manager at " + address());
        }
        return (P) proxy;
    }

    private DictProxy<String, Object> names() {
        return new DictProxy<>(new ProxyRef(endpoint, ManagerServer.NAMES_ID));
    }

    private ProxyRef newRef(ManagedType type, Object... args) {
        return newRef(type.typeid, args);
    }

    private ProxyRef newRef(String typeid, Object... args) {
        checkOpen();
        return new ProxyRef(endpoint, ManagerClient.create(endpoint, typeid, args));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the manager is closed");
        }
    }

    // ---- lifetime ----

    /** Blocks until the server stops (a client called {@link #shutdown()}); for a server main. */
    public void awaitShutdown() throws InterruptedException {
        if (localServer != null) {
            localServer.awaitStopped();
        } else if (serverProcess != null) {
            serverProcess.join();
        } else {
            throw new IllegalStateException("this process does not run the server; it only connects to it");
        }
    }

    /** Stops the server, wherever it runs; every proxy then fails at once. */
    public void shutdown() {
        if (localServer != null) {
            localServer.stop();
            ManagerClient.forget(endpoint);
        } else if (serverProcess != null) {
            stopChild();
        } else {
            ManagerClient.shutdown(endpoint);
        }
        closed = true;
    }

    /** Stops a server this manager started or runs; a connected manager only lets go of its connections. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (localServer != null || serverProcess != null) {
            shutdown();
        } else {
            ManagerClient.forget(endpoint);
        }
        closed = true;
    }

    private void stopChild() {
        ManagerClient.forget(endpoint);
        control.close(); // the server stops when its control connection ends
        try {
            serverProcess.join(5);
            if (serverProcess.isAlive()) {
                serverProcess.kill();
                serverProcess.join(5);
            }
        } catch (InterruptedException e) {
            serverProcess.kill();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "<Manager at " + address() + (closed ? " closed" : "") + ">";
    }
}
