package dev.mp4j.ipc;

import dev.mp4j.launcher.Empty;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Time;

/**
 * I03 — seed 001, 进程间的通信 › 一个简单的例子: a {@code Queue(3)} is full after three puts, empty
 * after three gets, and a fourth {@code get()} blocks.
 *
 * <p>Python prints {@code True} twice and then waits in the fourth {@code q.get()} "until the program
 * is killed or the power goes off". A main should end, so here the fourth get waits with a timeout
 * ({@code -Dpatience=3} seconds, on the time scale) and then says it was still blocked; {@link
 * #fourthGet} is the article's plain, endless {@code get()}.
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
        double patience = Double.parseDouble(System.getProperty("patience", "3"));
        try {
            q.get(true, Time.scaled(patience).toNanos() / 1e9);
        } catch (Empty stillBlocked) {
            System.out.println("第四次 get() 等了 " + patience + " 秒仍在阻塞 (没有超时的 get() 会一直等下去)");
        }
    }
}
