package dev.mp4j.launcher;

import dev.mp4j.launcher.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The children this JVM started, and Python's exit rules for them. A non-daemon child is watched by a
 * non-daemon thread, so the JVM (like a Python parent) does not end before it. Daemon children are
 * terminated by a shutdown hook; so is any child still running when the JVM ends abruptly
 * ({@code System.exit}, a signal), because a child must never outlive its parent.
 */
final class Children {

    private static final Set<ChildProcess> live = ConcurrentHashMap.newKeySet();
    private static final long TERMINATE_GRACE_MILLIS = 1_000;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread("mp4j-children-exit") {
            @Override
            public void run() {
                stopAll();
            }
        });
    }

    private Children() {
    }

    static void register(ChildProcess child) {
        live.add(child);
        Thread watcher = new Thread(new Watch(child), "mp4j-watch-" + child.name());
        watcher.setDaemon(child.daemon());
        watcher.start();
    }

    /** Waits for one child's exit, then forgets it. A class: a lambda would be generated on a program's first start(). */
    private record Watch(ChildProcess child) implements Runnable {
        @Override
        public void run() {
            try {
                child.awaitExit();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            } finally {
                if (Timeline.RECORDING) Timeline.processExited(child.name(), child.pid(), child.exitcode());
                live.remove(child);
            }
        }
    }

    /** A closed child is no longer this process's business. */
    static void forget(ChildProcess child) {
        live.remove(child);
    }

    /** Python's {@code active_children()}: the children started here that are still running. */
    static List<ChildProcess> active() {
        List<ChildProcess> alive = new ArrayList<>();
        for (ChildProcess child : live) {
            if (child.running()) {
                alive.add(child);
            }
        }
        return alive;
    }

    private static void stopAll() {
        List<ChildProcess> running = active();
        for (ChildProcess child : running) {
            child.terminate();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERMINATE_GRACE_MILLIS);
        for (ChildProcess child : running) {
            try {
                child.join(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                break;
            }
            if (child.running()) {
                child.kill();
            }
        }
    }
}
