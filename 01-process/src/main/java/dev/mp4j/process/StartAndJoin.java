package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;

/**
 * P07 — seed 002, 1. 创建进程 › 1.2 方法1:直接使用Process: the simplest start and wait; the child prints
 * {@code Process name is subprocess} and {@code join()} returns once it has ended.
 *
 * <p>Java differs: the argument tuple {@code args=('subprocess',)} becomes what the lambda captures.
 */
public final class StartAndJoin {

    private StartAndJoin() {
    }

    static void show(String name) {
        System.out.println("Process name is " + name);
    }

    public static void main(String[] args) throws InterruptedException {
        ChildProcess proc = new ChildProcess(() -> show("subprocess"));
        proc.start();
        proc.join();
    }
}
