package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * P11 — seed 002, 2.1 join › for循环起多进程: three children sleeping 1, 2 and 3 seconds, started in a
 * loop and then all joined; the total is about 3 seconds (the longest child), not 6 (the sum).
 *
 * <p>Java differs: each child is a JVM, so the total also includes starting three JVMs (a fraction of a
 * second on a quiet machine, seconds on an overloaded one; the launcher keeps one booted ahead of need).
 */
public final class StartThreeThenJoinAll {

    private StartThreeThenJoinAll() {
    }

    static void task(int n) {
        System.out.println("这是子进程:" + n);
        Time.sleep(n);
        System.out.println("子进程:" + n + "结束了!");
    }

    public static void main(String[] args) throws InterruptedException {
        double startTime = Time.time();
        List<ChildProcess> pList = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            int n = i;
            ChildProcess p = new ChildProcess(() -> task(n));
            p.start();
            pList.add(p);
        }
        for (ChildProcess p : pList) {
            p.join();
        }
        System.out.println("我是主进程");
        System.out.println("共耗时:" + (Time.time() - startTime));
    }
}
