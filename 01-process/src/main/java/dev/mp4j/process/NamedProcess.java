package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Time;
import java.util.concurrent.ThreadLocalRandom;

/**
 * P02 — seed 001, 开始创建进程 › 一个简单的程序 › 第一种: a process named {@code test} runs {@code lala},
 * which sleeps one to three seconds between {@code start......} and {@code stop.....}; the parent prints
 * {@code 主进程} first because {@code start()} returns at once.
 *
 * <p>Fixed from the article: it defines {@code lala()} but passes {@code target=fuck} (a NameError as
 * written); the target here is {@code lala}. The article's warning that Windows needs the
 * {@code __main__} guard does not apply: a child JVM runs the target only, it does not re-run this file.
 */
public final class NamedProcess {

    private NamedProcess() {
    }

    static void lala() {
        System.out.println("start......");
        Time.sleep(ThreadLocalRandom.current().nextInt(1, 4)); // random.randint(1,3): both ends included
        System.out.println("stop.....");
    }

    public static void main(String[] args) {
        ChildProcess p1 = new ChildProcess(NamedProcess::lala, "test");
        p1.start(); // start() runs the process's run(), which calls the target, in the child
        System.out.println("主进程");
    }
}
