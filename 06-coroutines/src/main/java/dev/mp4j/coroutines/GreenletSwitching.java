package dev.mp4j.coroutines;

import dev.mp4j.coroutines.gevent.Greenlet;
import dev.mp4j.coroutines.gevent.GreenletExit;

/**
 * C01 — seed 000, 协程 › 2.Greenlet › 手动切换: two functions hand control to each other by hand and
 * each resumes where it stopped, printing 12, 56, 34, 78.
 *
 * <p>Java has no greenlet; {@link Greenlet} gives the same model with public JDK APIs (each greenlet a
 * virtual thread, a baton so one runs at a time). {@code switch} is a Java keyword, hence
 * {@code switchTo()}. When test2 returns, control goes to its parent, the main greenlet, and main ends;
 * test1 is left suspended at its second switch. CPython kills it with {@code GreenletExit} when it
 * collects it; here main does that explicitly with {@link Greenlet#kill()}.
 */
public final class GreenletSwitching {

    private static Greenlet gr1;
    private static Greenlet gr2;

    private GreenletSwitching() {
    }

    static void test1() {
        System.out.println(12);
        gr2.switchTo(); // 到这里切换到gr2,执行test2()
        System.out.println(34);
        gr2.switchTo(); // 切换到上次gr2运行的位置
    }

    static void test2() {
        System.out.println(56);
        gr1.switchTo(); // 切换到上次gr1运行的位置
        System.out.println(78);
    }

    public static void main(String[] args) {
        gr1 = new Greenlet(GreenletSwitching::test1); // 启动一个协程gr1
        gr2 = new Greenlet(GreenletSwitching::test2); // 启动一个协程gr2
        gr1.switchTo(); // 开始运行gr1

        // gr2 has returned to main; gr1 still waits at its second switch. End it as CPython's GC would.
        gr1.kill();
    }

    /** For the test: the two greenlets of the last run. */
    static Greenlet[] lastGreenlets() {
        return new Greenlet[] {gr1, gr2};
    }
}
