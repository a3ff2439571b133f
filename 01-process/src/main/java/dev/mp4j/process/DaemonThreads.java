package dev.mp4j.process;

import dev.mp4j.launcher.Time;
import java.math.BigInteger;

/**
 * P18 — seed 003, 2.2 线程 › 2.2.1 多线程编程threading模块 (third block): five daemon threads
 * ({@code t.setDaemon(True)}); the main thread prints its total and ends, and the program exits without
 * waiting for them, so no {@code 结果} line is ever printed (如果我们希望一个主线程结束时不再执行子线程).
 *
 * <p>Java differs: {@code setDaemon(true)} is the same call. Whether each daemon thread prints its
 * {@code 当子线程} line before the JVM exits is a race, as in Python.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    static void longTimeTask() {
        System.out.println("当子线程: " + Thread.currentThread().getName());
        Time.sleep(2);
        System.out.println("结果: " + BigInteger.valueOf(8).pow(20));
    }

    public static void main(String[] args) {
        Thread.currentThread().setName("MainThread");
        double start = Time.time();
        System.out.println("这是主线程:" + Thread.currentThread().getName());
        for (int i = 0; i < 5; i++) {
            Thread t = new Thread(DaemonThreads::longTimeTask, "Thread-" + (i + 1));
            t.setDaemon(true);
            t.start();
        }
        double end = Time.time();
        System.out.println("总共用时" + (end - start) + "秒");
    }
}
