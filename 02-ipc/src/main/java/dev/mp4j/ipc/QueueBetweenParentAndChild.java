package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Queue;

/**
 * I01 — seed 000, 进程 › 2.进程间通讯 › (1)Queue: the parent puts "11", a child puts "22" into the same
 * queue, and after {@code join()} the parent takes both.
 *
 * <p>The seed's string literals are empty; the stated result ({@code 取到: 11}, {@code 取到: 22}) gives
 * them back. Python "clones q into the child" by pickling it; here the target captures the queue
 * handle, which is serialized at {@code start()} and connects back to the parent's queue in the child.
 */
public final class QueueBetweenParentAndChild {

    private QueueBetweenParentAndChild() {
    }

    /** The child's work: add data to the queue the parent created (父子进程交互). */
    static void f(Queue<String> test) {
        test.put("22");
    }

    public static void main(String[] args) throws InterruptedException {
        Queue<String> q = new Queue<>();                    // 父进程
        q.put("11");
        ChildProcess p = new ChildProcess(() -> f(q));      // 子进程
        p.start();
        p.join();
        System.out.println("取到: " + q.getNowait());
        System.out.println("取到: " + q.getNowait());
    }
}
