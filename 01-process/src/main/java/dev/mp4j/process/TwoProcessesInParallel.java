package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Time;
import java.math.BigInteger;

/**
 * P15 — seed 003, 2.1 进程 › 2.1.1 多进程编程模块multiprocess模块 › 示例一 (second block): the same two tasks
 * in two child processes, joined: 耗时2S instead of the baseline's 4 s (P14, {@link SequentialBaseline});
 * one parent and two children, each line with its own pid.
 *
 * <p>Java differs: the total also includes starting two JVMs, a fraction of a second on a quiet machine
 * (the launcher keeps one booted ahead of need), more on a busy one.
 */
public final class TwoProcessesInParallel {

    private TwoProcessesInParallel() {
    }

    static void longTimeTask(int i) {
        System.out.println("子进程: " + Multiprocessing.currentProcess().pid() + " - 任务" + i);
        Time.sleep(2);
        System.out.println("结果: " + BigInteger.valueOf(8).pow(20));
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("当前母进程: " + Multiprocessing.currentProcess().pid());
        double start = Time.time();
        ChildProcess p1 = new ChildProcess(() -> longTimeTask(1));
        ChildProcess p2 = new ChildProcess(() -> longTimeTask(2));
        System.out.println("等待所有子进程完成。");
        p1.start();
        p2.start();
        p1.join();
        p2.join();
        double end = Time.time();
        System.out.println("总共用时" + (end - start) + "秒");
    }
}
