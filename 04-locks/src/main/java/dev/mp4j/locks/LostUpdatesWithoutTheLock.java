package dev.mp4j.locks;

import dev.mp4j.launcher.Barrier;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Value;

/**
 * Not in the articles, but what their lock sections warn about (seed 002 2.3: "当多个进程使用同一份数据资源的时候,
 * 就会因为竞争而引发数据安全…问题"): two processes each add 1 to a shared {@code Value} 200000 times.
 *
 * <p>First without holding its lock around the update: {@code counter.setInt(counter.getInt() + 1)},
 * Python's {@code counter.value += 1}. Each read and each write takes the value's lock on its own, but
 * the other process can write between them, and its update is lost: the total usually ends below
 * 400000. Then with the lock held around the read-then-write ({@code with counter.get_lock():}), which
 * gives exactly 400000. {@code -Dincrements=200000} sets the count per process.
 */
public final class LostUpdatesWithoutTheLock {

    private LostUpdatesWithoutTheLock() {
    }

    static void addUnlocked(Value counter, int times) {
        for (int i = 0; i < times; i++) {
            counter.setInt(counter.getInt() + 1);
        }
    }

    static void addLocked(Value counter, int times) {
        for (int i = 0; i < times; i++) {
            try (var held = counter.getLock().acquired()) {
                counter.setInt(counter.getInt() + 1);
            }
        }
    }

    /** Runs {@code times} increments in each of two processes, started together; returns the total. */
    static int run(boolean locked, int times) throws Exception {
        Value counter = new Value('i', 0);
        Barrier start = new Barrier(2);
        ChildProcess[] workers = new ChildProcess[2];
        for (int w = 0; w < 2; w++) {
            workers[w] = new ChildProcess(() -> {
                start.await(); // begin together, or one JVM may finish before the other has booted
                if (locked) {
                    addLocked(counter, times);
                } else {
                    addUnlocked(counter, times);
                }
            });
            workers[w].start();
        }
        for (ChildProcess worker : workers) {
            worker.join();
        }
        return counter.getInt();
    }

    public static void main(String[] args) throws Exception {
        int times = Integer.getInteger("increments", 200_000);
        System.out.println("expected: " + 2 * times);
        System.out.println("without the lock: " + run(false, times));
        System.out.println("with the lock: " + run(true, times));
    }
}
