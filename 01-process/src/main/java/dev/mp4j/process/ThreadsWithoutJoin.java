package dev.mp4j.process;

import dev.mp4j.launcher.Time;
import java.math.BigInteger;

/**
 * P16 — seed 003, 2.2 线程 › 2.2.1 多线程编程threading模块 (first block): two threads start and the main
 * thread, which does not join them, prints its total at once (总共用时0.0017…秒); the two {@code 结果} lines
 * come two seconds later: 主线程根本没有等子线程完成.
 *
 * <p>Java differs in names only: Python calls the main thread {@code MainThread} and numbers unnamed
 * threads {@code Thread-1, Thread-2}; the JVM says {@code main} and {@code Thread-0, ...} from a
 * JVM-wide counter, so the names are set explicitly. Like Python, the JVM does not exit while these
 * (non-daemon) threads run.
 */
public final class ThreadsWithoutJoin {

    private ThreadsWithoutJoin() {
    }

    static void longTimeTask(int i) {
        System.out.println("当前子线程: " + Thread.currentThread().getName() + " - 任务" + i);
        Time.sleep(2);
        System.out.println("结果: " + BigInteger.valueOf(8).pow(20));
    }

    public static void main(String[] args) {
        Thread.currentThread().setName("MainThread");
        double start = Time.time();
        System.out.println("这是主线程:" + Thread.currentThread().getName());
        Thread t1 = new Thread(() -> longTimeTask(1), "Thread-1");
        Thread t2 = new Thread(() -> longTimeTask(2), "Thread-2");
        t1.start();
        t2.start();

        double end = Time.time();
        System.out.println("总共用时" + (end - start) + "秒");
    }
}
