package dev.mp4j.ipc;

import dev.mp4j.launcher.Empty;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Time;

/**
 * I03 — seed 001, 进程间的通信 › 一个简单的例子: a {@code Queue(3)} is full after three puts, empty
 * after three gets, and a fourth {@code get()} blocks.
 *
 * <p>As in the article, the program prints {@code True} twice and then waits in the fourth
 * {@code q.get()} "until the program is killed or the power goes off": stop it with Ctrl+C. Ours, so
 * that it can end: {@code -Dpatience=3} lets the fourth get give up after that many seconds (on the
 * time scale), with a note on stderr.
 */
public final class BoundedQueueBlocksWhenEmpty {

    private BoundedQueueBlocksWhenEmpty() {
    }

    /** Fills and drains a Queue(3), printing full() and empty() as Python does, and returns it. */
    static Queue<Integer> fillAndDrain() {
        Queue<Integer> q = new Queue<>(3);
        q.put(1);
        q.put(2);
        q.put(3);
        System.out.println(python(q.full()));              // 是不是满了
        q.get();
        q.get();
        q.get();
        System.out.println(python(q.empty()));
        return q;
    }

    /** The article's fourth get: blocks until some other thread or process puts an item. */
    static Integer fourthGet(Queue<Integer> q) {
        return q.get();                                    // 如果多了一个,那么这里,就会一直等
    }

    static String python(boolean value) {
        return value ? "True" : "False";
    }

    public static void main(String[] args) {
        Queue<Integer> q = fillAndDrain();
        String patience = System.getProperty("patience");
        if (patience == null) {
            fourthGet(q); // waits forever, as in the article
            return;
        }
        try {
            q.get(true, Time.scaled(Double.parseDouble(patience)).toNanos() / 1e9);
        } catch (Empty stillBlocked) {
            System.err.println("[-Dpatience=" + patience + "] the fourth get() gave up; without a timeout it waits forever");
        }
    }
}
