package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Booted child JVMs waiting for a payload, as many as recent demand asks for. The first {@code start()}
 * of a program boots none (a program that starts one child and exits would only pay for it); from the
 * second on, the spares kept are the starts seen within the last {@value #BURST_WINDOW_MILLIS} ms, at
 * most one per core (and at most {@value #MAX_SPARES}). Spares boot as {@link ChildKind#PLAIN} children,
 * so only plain starts call for them: a full start (a pool's worker, a Manager's or a pipe's user) takes
 * a spare that is ready but boots none; a pool starting its workers knows it needs no more, and spares
 * booting beside them only took the cores from them. Spares idle for {@value #IDLE_MILLIS} ms are
 * stopped (each costs tens of MB), and a shutdown hook stops those left when this JVM exits; a spare
 * whose parent is gone also reads end-of-file and halts.
 */
final class Spares {

    static final long BURST_WINDOW_MILLIS = 1_000;
    static final long IDLE_MILLIS = 3_000;
    static final int MAX_SPARES = 4;

    /** Launches one child JVM. */
    interface Launcher {
        SpawnedJvm launch(Supplier<byte[]> warmUpSample) throws IOException;
    }

    private final Launcher launcher;
    private final int cap = Math.max(1, Math.min(MAX_SPARES, Runtime.getRuntime().availableProcessors()));
    private final Deque<SpawnedJvm> ready = new ArrayDeque<>();
    private final Deque<Long> recentTakes = new ArrayDeque<>();
    private int booting;
    private long takes;
    private long lastTakeNanos;
    private boolean reaperRunning;
    private boolean closed;

    Spares(Launcher launcher) {
        this.launcher = launcher;
        Runtime.getRuntime().addShutdownHook(new Thread("mp4j-spares-exit") { // no lambda: made on a first start()
            @Override
            public void run() {
                close();
            }
        });
    }

    /** A ready spare, or null; a plain start also records the demand and boots the spares it calls for. */
    synchronized SpawnedJvm take(boolean sparesWanted, ChildKind kind, Supplier<byte[]> warmUpSample) {
        SpawnedJvm spare = null;
        while (!ready.isEmpty() && spare == null) {
            SpawnedJvm candidate = ready.pollFirst();
            if (candidate.process().isAlive()) {
                spare = candidate;
            }
        }
        if (!sparesWanted) {
            stopAll();
            return spare;
        }
        if (kind != ChildKind.PLAIN) {
            return spare;
        }
        long now = System.nanoTime();
        takes++;
        lastTakeNanos = now;
        recentTakes.addLast(now);
        while (now - recentTakes.getFirst() > BURST_WINDOW_MILLIS * 1_000_000) {
            recentTakes.removeFirst();
        }
        int wanted = takes < 2 ? 0 : Math.min(cap, recentTakes.size());
        for (int missing = wanted - ready.size() - booting; missing > 0 && !closed; missing--) {
            booting++;
            Thread.ofPlatform().daemon().name("mp4j-spare").start(() -> boot(warmUpSample));
        }
        if (wanted > 0 && !reaperRunning) {
            reaperRunning = true;
            Thread.ofPlatform().daemon().name("mp4j-spare-reaper").start(this::reapWhenIdle);
        }
        return spare;
    }

    private void boot(Supplier<byte[]> warmUpSample) {
        SpawnedJvm fresh = null;
        try {
            fresh = launcher.launch(warmUpSample);
        } catch (IOException ignored) {
            // no spare this time; the next start() launches directly
        }
        synchronized (this) {
            booting--;
            if (fresh != null && !closed) {
                ready.addLast(fresh);
                return;
            }
        }
        if (fresh != null) {
            fresh.process().destroyForcibly();
        }
    }

    /** Stops the spares once no start() has come for a while, then ends until spares are wanted again. */
    private void reapWhenIdle() {
        while (true) {
            long idleNanos;
            synchronized (this) {
                idleNanos = System.nanoTime() - lastTakeNanos;
                if (idleNanos >= IDLE_MILLIS * 1_000_000) {
                    stopAll();
                    reaperRunning = false;
                    return;
                }
            }
            try {
                Thread.sleep(IDLE_MILLIS - idleNanos / 1_000_000 + 1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** How many spares are booted and waiting: for tests. */
    synchronized int readyCount() {
        return ready.size();
    }

    private void stopAll() {
        for (SpawnedJvm spare : ready) {
            spare.process().destroyForcibly();
        }
        ready.clear();
    }

    private synchronized void close() {
        closed = true;
        stopAll();
    }
}
