package dev.mp4j.process;

import dev.mp4j.launcher.Time;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * P17 — seed 003, 2.2 线程 › 2.2.1 多线程编程threading模块 (second block): the same two threads, joined;
 * the main thread prints the total only after both end: two seconds, against four in sequence (P14).
 *
 * <p>As in the article, this version prints {@code 当前子线程: Thread-1 任务1} without the dash. Thread
 * names are set explicitly, as in {@link ThreadsWithoutJoin}.
 */
public final class ThreadsWithJoin {

    private ThreadsWithJoin() {
    }

    static void longTimeTask(int i) {
        System.out.println("当前子线程: " + Thread.currentThread().getName() + " 任务" + i);
        Time.sleep(2);
        System.out.println("结果: " + BigInteger.valueOf(8).pow(20));
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.currentThread().setName("MainThread");
        double start = Time.time();
        System.out.println("这是主线程:" + Thread.currentThread().getName());
        List<Thread> threadList = new ArrayList<>();
        for (int i = 1; i < 3; i++) {
            int task = i;
            threadList.add(new Thread(() -> longTimeTask(task), "Thread-" + i));
        }
        for (Thread t : threadList) {
            t.start();
        }
        for (Thread t : threadList) {
            t.join();
        }
        double end = Time.time();
        System.out.println("总共用时" + (end - start) + "秒");
    }
}
