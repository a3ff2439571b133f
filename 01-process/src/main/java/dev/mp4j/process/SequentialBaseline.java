package dev.mp4j.process;

import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Time;
import java.math.BigInteger;

/**
 * P14 — seed 003, 2.1 进程 › 2.1.1 多进程编程模块multiprocess模块 › 示例一 (first block): the baseline,
 * two two-second tasks one after the other in one process: 顺序执行,用时4S. Every line shows the same pid.
 *
 * <p>As in the article, {@code end} is computed and not printed; the test measures the 4 s.
 */
public final class SequentialBaseline {

    private SequentialBaseline() {
    }

    static void longTimeTask() {
        System.out.println("当前进程: " + Multiprocessing.currentProcess().pid());
        Time.sleep(2);
        System.out.println("结果: " + BigInteger.valueOf(8).pow(20)); // 8 ** 20 (计算8的20次方)
    }

    public static void main(String[] args) {
        System.out.println("当前母进程: " + Multiprocessing.currentProcess().pid());
        double start = Time.time();
        for (int i = 0; i < 2; i++) {
            longTimeTask();
        }
        double end = Time.time();
    }
}
