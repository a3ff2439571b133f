package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.CurrentProcess;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Time;

/**
 * P08 — seed 002, 1.2 方法1:直接使用Process › 查看进程id: the child prints its own id and its parent's
 * ({@code os.getpid()}, {@code os.getppid()}); the parent id is the main process's id. The parent does
 * not join, so {@code --- 主进程 ----} usually comes before the child's lines; {@code t1 is done!} follows
 * three seconds later.
 *
 * <p>Java differs: {@code os.getpid()/os.getppid()} are {@link Multiprocessing#currentProcess()}'s
 * {@code pid()} and {@code parentPid()}. Java has no keyword arguments: the article's alternative
 * {@code kwargs={'name': 't1'}} is the same lambda. The {@code __main__} guard the article explains
 * (a Windows child re-imports the parent's file) is unnecessary: a child JVM never runs this {@code main}.
 */
public final class ChildAndParentPids {

    private ChildAndParentPids() {
    }

    static void task(String name) {
        CurrentProcess me = Multiprocessing.currentProcess();
        System.out.println(name + " is running!");
        System.out.println("子进程id : " + me.pid() + " 父进程id : " + me.parentPid());
        Time.sleep(3);
        System.out.println(name + " is done!");
    }

    public static void main(String[] args) {
        System.out.println("主进程id : " + Multiprocessing.currentProcess().pid());
        // 创建一个Python中的进程对象: a process object whose target is task("t1")
        ChildProcess p = new ChildProcess(() -> task("t1"));
        p.start(); // 调用操作系统接口启动一个进程执行命令: the OS starts a new JVM
        System.out.println("--- 主进程 ----");
    }
}
