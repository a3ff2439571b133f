package dev.mp4j.pool;

import dev.mp4j.launcher.Time;
import dev.mp4j.launcher.pool.ProcessPoolExecutor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * O04's work (seed 003, 示例二: five 2-second tasks on four workers) the way Python's
 * {@code concurrent.futures} writes it, and Java's {@code ExecutorService}: submit each task, keep its
 * {@link Future}, read the results in submission order. {@code with ProcessPoolExecutor(4) as executor:}
 * is try-with-resources: leaving the block shuts the executor down and waits for its workers, so no
 * {@code close(); join()} to forget.
 *
 * <p>Not an article example: an extra beside O04 ({@link FiveTasksOnFourWorkers}) to compare the two APIs.
 */
public final class FiveTasksOnAnExecutor {

    private FiveTasksOnAnExecutor() {
    }

    static BigInteger longTimeTask(int i) {
        System.out.println("子进程: " + ProcessHandle.current().pid() + " - 任务" + i);
        Time.sleep(2);
        return BigInteger.valueOf(8).pow(20);
    }

    public static void main(String[] args) throws Exception {
        System.out.println("当前母进程: " + ProcessHandle.current().pid());
        double start = Time.time();
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor(4)) {
            List<Future<BigInteger>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                results.add(executor.submit(() -> longTimeTask(n)));
            }
            System.out.println("等待所有子进程完成。");
            for (Future<BigInteger> result : results) {
                System.out.println("结果: " + result.get());
            }
        }
        System.out.println("总共用时" + (Time.time() - start) + "秒");
    }
}
