package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Time;

/**
 * P01 — seed 000, 进程 › 1.创建进程: a child process runs {@code func("derek")}; the parent does not
 * join, so it prints {@code end...} at once and {@code hello derek} follows two seconds later.
 *
 * <p>Java differs: the child is a fresh JVM (there is no fork), and the lambda is serialized at
 * {@code start()} the way Python pickles the target and its arguments. No {@code __main__} guard is
 * needed: a child JVM runs only the target, never this {@code main}. Like Python, the JVM does not end
 * before its non-daemon child does.
 */
public final class StartWithoutJoin {

    private StartWithoutJoin() {
    }

    static void func(String name) {
        Time.sleep(2);
        System.out.println("hello " + name);
    }

    public static void main(String[] args) {
        ChildProcess p = new ChildProcess(() -> func("derek"));
        p.start();
        // p.join();
        System.out.println("end...");
    }
}
