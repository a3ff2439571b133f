package dev.mp4j.locks;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Lock;
import dev.mp4j.launcher.Time;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * L02 — seed 002, 2. 进程同步 › 2.3 互斥锁 › 使用互斥锁解决竞争: task1 and task2 each lock the "washroom"
 * door, go in, take one to three seconds twice, and leave; the mutex keeps the two visits from
 * overlapping, whichever process gets the lock first.
 *
 * <p>The article is cut off inside task2 (its last sleep, print and release, and the {@code __main__}
 * that starts the processes are missing): task2 is finished as the mirror of task1, and main starts one
 * process per task with the module-level {@code mutex_lock} and joins them. {@code -Dtimestamps=true}
 * adds the time ({@code t=...}, seconds since the epoch) to the enter and leave lines, which the test
 * uses to check that the two stays never overlap.
 */
public final class MutexWashroom {

    private MutexWashroom() {
    }

    static void task1(Lock lock, boolean timestamps) {
        visit("task1", lock, timestamps);
    }

    static void task2(Lock lock, boolean timestamps) {
        visit("task2", lock, timestamps);
    }

    private static void visit(String task, Lock lock, boolean timestamps) {
        lock.acquire(); // 锁门
        System.out.println(center("这是 " + task + " 任务", 30, '-'));
        System.out.println(task + " 进了洗手间" + stamp(timestamps));
        Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        System.out.println(task + " 办事呢...");
        Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        System.out.println(task + " 走出了洗手间" + stamp(timestamps));
        lock.release(); // 释放锁
    }

    private static String stamp(boolean timestamps) {
        return timestamps ? String.format(Locale.ROOT, " t=%.6f", Time.time()) : "";
    }

    /** Python's {@code str.center}: the odd padding character goes right unless width is odd. */
    static String center(String text, int width, char fill) {
        int margin = width - text.length();
        if (margin <= 0) {
            return text;
        }
        int left = margin / 2 + (margin & width & 1);
        return String.valueOf(fill).repeat(left) + text + String.valueOf(fill).repeat(margin - left);
    }

    public static void main(String[] args) throws InterruptedException {
        run(Boolean.getBoolean("timestamps"));
    }

    static void run(boolean timestamps) throws InterruptedException {
        Lock mutexLock = new Lock(); // 生成一个互斥锁
        ChildProcess p1 = new ChildProcess(() -> task1(mutexLock, timestamps));
        ChildProcess p2 = new ChildProcess(() -> task2(mutexLock, timestamps));
        p1.start();
        p2.start();
        p1.join();
        p2.join();
    }
}
