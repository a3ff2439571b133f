package dev.mp4j.coroutines;

import static dev.mp4j.coroutines.gevent.Gevent.joinall;
import static dev.mp4j.coroutines.gevent.Gevent.spawn;

import dev.mp4j.coroutines.gevent.Gevent;

/**
 * C02 — seed 000, 协程 › 3.Gevent › (1)IO阻塞自动切换: three greenlets start in spawn order, each gives way
 * at its {@code gevent.sleep}, and they finish in order of their sleeps; the whole takes about 2 s, the
 * longest sleep, not the 3 s of the sum.
 *
 * <p>{@link Gevent#spawn}, {@link Gevent#joinall} and {@link Gevent#sleep} run the greenlets one at a
 * time on a hub, as gevent does, so the order below is fixed, not merely likely. The article's
 * {@code print("running in func3 ")} has a trailing space; it is kept.
 */
public final class SwitchOnGeventSleep {

    private SwitchOnGeventSleep() {
    }

    static void foo() {
        System.out.println("Running in foo");
        Gevent.sleep(2);
        System.out.println("阻塞时间最长,最后运行");
    }

    static void bar() {
        System.out.println("running in bar");
        Gevent.sleep(1);
        System.out.println("foo()还在阻塞,这里第二个运行");
    }

    static void func3() {
        System.out.println("running in func3 ");
        Gevent.sleep(0);
        System.out.println("其它两个还在IO阻塞先运行");
    }

    public static void main(String[] args) {
        // 创建协程实例
        joinall(
                spawn(SwitchOnGeventSleep::foo), // 生成,
                spawn(SwitchOnGeventSleep::bar),
                spawn(SwitchOnGeventSleep::func3)); // 遇到IO自动切换
    }
}
