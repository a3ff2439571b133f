package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Time;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * I04 — seed 001, 进程间的通信 › 基于队列实现生产者消费者模型: the producer runs in the main process,
 * the consumer in a child; both sleep 1–3 s per item, and the queue absorbs the difference
 * ("生产不一定会立马被消费,但一定会被消费").
 *
 * <p>As in the article, the consumer loops forever: once every 包子 is consumed it waits in
 * {@code q.get()} for one that never comes, and the program never ends (the parent waits for its
 * non-daemon child at exit, as Python's does): stop it with Ctrl+C. That is why I05 exists.
 */
public final class ProducerConsumerWithQueue {

    private ProducerConsumerWithQueue() {
    }

    static void consumer(Queue<String> q) {
        while (true) {
            Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            String res = q.get();
            System.out.println("\033[45m消费者拿到了:" + res + "\033[0m");
        }
    }

    static void producter(List<String> seq, Queue<String> q) {
        for (String item : seq) {
            Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            System.out.println("\033[46m生产者生产了:" + item + "\033[0m");
            q.put(item);
        }
    }

    public static void main(String[] args) {
        run();
    }

    /** The article's main; returns the consumer, which is still running. */
    static ChildProcess run() {
        Queue<String> q = new Queue<>();
        List<String> seq = IntStream.range(0, 10).mapToObj(i -> "包子" + i).toList();
        ChildProcess c = new ChildProcess(() -> consumer(q));
        c.start();
        producter(seq, q);
        System.out.println("主进程");
        return c;
    }
}
