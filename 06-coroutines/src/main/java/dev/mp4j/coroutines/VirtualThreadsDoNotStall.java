package dev.mp4j.coroutines;

import java.util.List;
import java.util.Set;

import dev.mp4j.launcher.Time;

/**
 * Beyond the articles (CATALOG PP06, seed 000, 协程 › 1.简介 › 缺点), the Java answer to "一旦协程出现阻塞
 * 将会阻塞整个线程": the same foo, bar and func3 as in {@link BlockingCoroutineStallsOthers}, all three with
 * the plain blocking {@code Thread.sleep} ({@link Time#sleep}), on virtual threads that share ONE carrier
 * thread. A virtual thread that blocks unmounts and frees the carrier, so nothing stalls: the article's
 * C02 order and its cost of about 2 s come back without any {@code gevent.sleep} or patching.
 *
 * <p>The scheduler's size is fixed at JVM start, so this main restarts itself in a child JVM with
 * {@code -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1} (see
 * {@link OneCarrier}) and shows its output. Each line is prefixed with its time in article seconds.
 */
public final class VirtualThreadsDoNotStall {

    private static long start;
    private static final Set<String> CARRIERS = OneCarrier.newCarrierSet();

    private VirtualThreadsDoNotStall() {
    }

    static void print(String line) {
        OneCarrier.noteCarrier(CARRIERS);
        System.out.printf("[%.1f s] %s%n", (System.nanoTime() - start) / 1e9 / Time.scale(), line);
    }

    static void foo() {
        print("Running in foo");
        Time.sleep(2); // blocking, unpatched: the virtual thread parks, the carrier runs the others
        print("阻塞时间最长,最后运行");
    }

    static void bar() {
        print("running in bar");
        Time.sleep(1);
        print("foo()还在阻塞,这里第二个运行");
    }

    static void func3() {
        print("running in func3 ");
        Time.sleep(0);
        print("其它两个还在IO阻塞先运行");
    }

    public static void main(String[] args) throws Exception {
        if (!OneCarrier.active()) {
            OneCarrier.relaunch(VirtualThreadsDoNotStall.class, args);
            return;
        }
        start = System.nanoTime();
        List<Thread> threads = List.of(
                Thread.ofVirtual().start(VirtualThreadsDoNotStall::foo),
                Thread.ofVirtual().start(VirtualThreadsDoNotStall::bar),
                Thread.ofVirtual().start(VirtualThreadsDoNotStall::func3));
        for (Thread thread : threads) {
            thread.join(); // gevent.joinall
        }
        System.out.printf("[%.1f s] cost, on %d carrier thread(s): %s%n",
                (System.nanoTime() - start) / 1e9 / Time.scale(), CARRIERS.size(), CARRIERS);
    }
}
