package dev.mp4j.coroutines;

import static dev.mp4j.coroutines.gevent.Gevent.joinall;
import static dev.mp4j.coroutines.gevent.Gevent.spawn;

import dev.mp4j.coroutines.gevent.Gevent;
import dev.mp4j.launcher.Time;

/**
 * Beyond the articles (CATALOG PP06, seed 000, 协程 › 1.简介 › 缺点): "协程指的是单个线程,因而一旦协程出现阻塞
 * 将会阻塞整个线程" — one coroutine that blocks blocks the whole thread. This is C02 with one change: foo
 * calls a plain, unpatched {@code time.sleep(2)} ({@link Time#sleep}) instead of {@code gevent.sleep(2)}.
 *
 * <p>foo never gives way, so bar and func3 cannot even start until it is done: foo now finishes first
 * (its printed claim "最后运行" becomes false), everything else is pushed back 2 s, and the whole costs
 * the sum, about 3 s, instead of about 2 s. Each line is prefixed with its time in article seconds. The
 * Java answer is {@link VirtualThreadsDoNotStall}.
 */
public final class BlockingCoroutineStallsOthers {

    private static long start;

    private BlockingCoroutineStallsOthers() {
    }

    static void print(String line) {
        System.out.printf("[%.1f s] %s%n", (System.nanoTime() - start) / 1e9 / Time.scale(), line);
    }

    static void foo() {
        print("Running in foo");
        Time.sleep(2); // a blocking call that does not go through the hub: everyone waits
        print("阻塞时间最长,最后运行");
    }

    static void bar() {
        print("running in bar");
        Gevent.sleep(1);
        print("foo()还在阻塞,这里第二个运行");
    }

    static void func3() {
        print("running in func3 ");
        Gevent.sleep(0);
        print("其它两个还在IO阻塞先运行");
    }

    public static void main(String[] args) {
        start = System.nanoTime();
        joinall(
                spawn(BlockingCoroutineStallsOthers::foo),
                spawn(BlockingCoroutineStallsOthers::bar),
                spawn(BlockingCoroutineStallsOthers::func3));
        print("cost (with gevent.sleep(2) in foo it is about 2 s)");
    }
}
