package dev.mp4j.locks;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Lock;
import java.util.ArrayList;
import java.util.List;

/**
 * L01 — seed 000, 进程 › 4.lock: one {@code Lock} handed to 100 processes, each printing
 * {@code hello world i} ("要把lock传到函数的参数l" — the lock must be passed to the function's parameter;
 * "lock防止在屏幕上打印的时候会乱" — the lock keeps the screen output from getting garbled).
 *
 * <p>The article comments out {@code l.acquire()} / {@code l.release()}, so as printed it shows the
 * unsynchronised case. Both are here: {@code -Dlocked=false} (the default) runs the article as printed,
 * {@code -Dlocked=true} with the two lines restored ({@code try (var held = l.acquired())}). The number
 * of processes is {@code -Dprocesses=100} (or the first argument).
 *
 * <p>Java differs: Python's children share the terminal's file descriptor, so unlocked lines can mix
 * there; a child JVM's output reaches the parent through its own pipe, a whole line at a time, so lines
 * stay whole even without the lock (the order stays random either way). The lock still does what the
 * article wants: only one process prints at a time. The parent joins its children before returning,
 * which Python's parent also does (at exit) for non-daemon children.
 */
public final class LockPassedToHundredProcesses {

    private LockPassedToHundredProcesses() {
    }

    static void f(Lock l, int i, boolean locked) {
        if (locked) {
            try (var held = l.acquired()) {
                System.out.println("hello world " + i);
            }
        } else {
            // l.acquire();
            System.out.println("hello world " + i);
            // l.release();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("processes", 100);
        run(processes, Boolean.getBoolean("locked"));
    }

    static void run(int processes, boolean locked) throws InterruptedException {
        Lock lock = new Lock();
        List<ChildProcess> started = new ArrayList<>();
        for (int num = 0; num < processes; num++) {
            int i = num;
            ChildProcess p = new ChildProcess(() -> f(lock, i, locked)); // 要把lock传到函数的参数l
            p.start();
            started.add(p);
        }
        for (ChildProcess p : started) {
            p.join();
        }
    }
}
