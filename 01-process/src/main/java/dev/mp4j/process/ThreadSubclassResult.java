package dev.mp4j.process;

import dev.mp4j.launcher.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * P19 — seed 003, 2.2.2 通过继承Thread类重写run方法创建新进程: a {@code Thread} subclass that runs a function
 * and keeps its return value in {@code result}; two of them run at the same time, so the total is two
 * seconds.
 *
 * <p>As in the article, the threads print {@code 开始子进程N} / {@code 结束子进程N} although they are
 * threads (the heading says 进程 too). Java differs: the function and its argument are typed
 * ({@code IntFunction<Long>} and an {@code int}) instead of {@code func} and an {@code args} tuple;
 * {@code result} is read after {@code join()}, which makes the thread's write visible.
 */
public final class ThreadSubclassResult {

    private ThreadSubclassResult() {
    }

    static long longTimeTask(int i) {
        Time.sleep(2);
        return (long) Math.pow(8, 20); // 8 ** 20 = 2 ** 60, exact in a double and a long
    }

    static final class MyThread extends Thread {
        private final IntFunction<Long> func;
        private final int arg;
        private Long result; // None until run() has finished

        MyThread(IntFunction<Long> func, int arg, String name) {
            super(name);
            this.func = func;
            this.arg = arg;
        }

        @Override
        public void run() {
            System.out.println("开始子进程" + getName());
            result = func.apply(arg);
            System.out.println("结果: " + result);
            System.out.println("结束子进程" + getName());
        }

        Long result() {
            return result;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        double start = Time.time();
        List<MyThread> threads = new ArrayList<>();
        for (int i = 1; i < 3; i++) {
            threads.add(new MyThread(ThreadSubclassResult::longTimeTask, i, String.valueOf(i)));
        }
        for (MyThread t : threads) {
            t.start();
        }
        for (MyThread t : threads) {
            t.join();
        }
        double end = Time.time();
        System.out.println("总共用时" + (end - start) + "秒");
    }
}
