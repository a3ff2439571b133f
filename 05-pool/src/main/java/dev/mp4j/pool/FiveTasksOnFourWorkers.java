package dev.mp4j.pool;

import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Time;
import dev.mp4j.launcher.pool.Pool;
import java.math.BigInteger;

/**
 * O04 — seed 003, 2.1 进程 › 2.1.1 多进程编程模块multiprocess模块 › 示例二: {@code Pool(4)} runs five
 * 2-second tasks in about 4 s: four at once, then the fifth when a worker is free ("总共用时4S,节省了60%").
 *
 * <p>Java differences: the pool size is 4 whatever the core count, as in the article's code. The pool's
 * constructor returns once its four worker JVMs are up (a JVM boots in tens to hundreds of
 * milliseconds where a fork takes one), so the tasks start together and the total stays about two
 * task lengths plus that start-up.
 */
public final class FiveTasksOnFourWorkers {

    private FiveTasksOnFourWorkers() {
    }

    static void longTimeTask(int i) {
        System.out.println("子进程: " + ProcessHandle.current().pid() + " - 任务" + i);
        Time.sleep(2);
        System.out.println("结果: " + BigInteger.valueOf(8).pow(20));
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("CPU内核数:" + Multiprocessing.cpuCount());
        System.out.println("当前母进程: " + ProcessHandle.current().pid());
        double start = Time.time();
        Pool p = new Pool(4);
        for (int i = 0; i < 5; i++) {
            int n = i;
            p.applyAsync(() -> {
                longTimeTask(n);
                return null;
            });
        }
        System.out.println("等待所有子进程完成。");
        p.close();
        p.join();
        double end = Time.time();
        System.out.println("总共用时" + (end - start) + "秒");
    }
}
