package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;

/**
 * P10 — seed 002, 2. 进程同步 › 2.1 join: the child sets the global {@code x} to 10, yet the parent,
 * after joining it, still prints {@code 100}: 进程的运行时数据是互相独立的 (processes do not share memory).
 *
 * <p>Java differs only in form: Python's module global is a static field. The child JVM loads this class
 * afresh ({@code x} starts at 100 there too) and changes its own copy.
 */
public final class MemoryIsolation {

    static int x = 100;

    private MemoryIsolation() {
    }

    static void change() {
        x = 10;
        System.out.println("子进程修改了x,子进程结束了!");
    }

    public static void main(String[] args) throws InterruptedException {
        ChildProcess p = new ChildProcess(MemoryIsolation::change);
        p.start();
        p.join(); // 优雅地实现主进程等待子进程结束: wait for the child
        System.out.println(x);
    }
}
