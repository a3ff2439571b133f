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
 * {@code -Dlocked=true} with the two lines restored. The number of processes is
 * {@code -Dprocesses=100} (or the first argument).
 *
 * <p>Java differs: a child JVM's {@code System.out} reaches the parent a whole line at a time, so it
 * cannot garble. The processes therefore print to a {@link Screen}, one descriptor they all write to
 * piece by piece as Python's children do, and it lets every process write before any goes on, so the
 * unlocked run shows the garbled screen every time. With the lock, one process prints a whole line
 * before the next begins. The screen is shown when all processes are done.
 */
public final class LockPassedToHundredProcesses {

    private LockPassedToHundredProcesses() {
    }

    static void f(Lock l, int i, Screen screen, boolean locked) {
        if (locked) {
            l.acquire();
        }
        try {
            screen.print("hello world", i);
        } finally {
            if (locked) {
                l.release();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("processes", 100);
        run(processes, Boolean.getBoolean("locked"));
    }

    static void run(int processes, boolean locked) throws Exception {
        Lock lock = new Lock();
        try (Screen screen = Screen.sharedBy(processes)) {
            List<ChildProcess> started = new ArrayList<>();
            for (int num = 0; num < processes; num++) {
                int i = num;
                ChildProcess p = new ChildProcess(() -> {
                    screen.arrive(); // ours: wait until every process is up, so that they print at the same time
                    f(lock, i, screen, locked); // 要把lock传到函数的参数l
                });
                p.start();
                started.add(p);
            }
            for (ChildProcess p : started) {
                p.join();
            }
        }
    }
}
