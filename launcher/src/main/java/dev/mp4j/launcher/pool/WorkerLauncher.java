package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.ForkOptions;
import dev.mp4j.launcher.Listener;
import dev.mp4j.launcher.Target;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the pool's worker JVMs and hands each slot the connection its worker makes back: a worker
 * connects to the pool's listener and says its number, and the slot waiting for that number gets it.
 */
final class WorkerLauncher {

    private static final AtomicInteger workerNumbers = new AtomicInteger();

    private final Target initializer;
    private final int maxTasksPerChild;
    private final ForkOptions forkOptions;
    private final Listener listener = new Listener();
    private final Map<Integer, CompletableFuture<Connection>> connecting = new ConcurrentHashMap<>();
    private volatile boolean closed;

    WorkerLauncher(Target initializer, int maxTasksPerChild, ForkOptions forkOptions) {
        this.initializer = initializer;
        this.maxTasksPerChild = maxTasksPerChild;
        this.forkOptions = forkOptions;
        Thread.ofPlatform().daemon().name("mp4j-pool-acceptor").start(this::acceptWorkers);
    }

    /** Starts a daemon worker named {@code PoolWorker-N}; {@code connected} completes when it connects. */
    ChildProcess start(CompletableFuture<Connection> connected) {
        int number = workerNumbers.incrementAndGet();
        connecting.put(number, connected);
        Address address = listener.address();
        Target pooledInitializer = initializer;
        int maxTasks = maxTasksPerChild;
        ChildProcess worker = new ChildProcess(() -> PoolWorker.serve(address, number, pooledInitializer, maxTasks),
                "PoolWorker-" + number);
        worker.setDaemon(true);
        worker.setForkOptions(forkOptions);
        worker.start();
        return worker;
    }

    /** Stops accepting workers; a slot still waiting for one sees its wait cancelled. */
    void close() {
        closed = true;
        listener.close();
        connecting.values().forEach(pending -> pending.cancel(false));
    }

    private void acceptWorkers() {
        while (true) {
            Connection connection;
            try {
                connection = listener.accept();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                continue; // a client that failed the challenge: not one of ours
            }
            try {
                int number = java.nio.ByteBuffer.wrap(connection.recvBytes()).getInt();
                CompletableFuture<Connection> waiting = connecting.remove(number);
                if (waiting == null || !waiting.complete(connection)) {
                    connection.close();
                }
            } catch (RuntimeException e) {
                connection.close();
            }
        }
    }
}
