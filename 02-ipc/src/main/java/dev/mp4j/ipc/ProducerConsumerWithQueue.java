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
 * <p>The article's consumer loops forever, so its program never ends (the reason for I05). Here the
 * producer ends the stream with a sentinel ({@link #NO_MORE}) after printing {@code 主进程}, and the
 * consumer stops when it takes it: every 包子 is still consumed, in order, and the main terminates.
 */
public final class ProducerConsumerWithQueue {

    /** Not a 包子: tells the consumer that production is over. */
    static final String NO_MORE = "";

    private ProducerConsumerWithQueue() {
    }

    static void consumer(Queue<String> q) {
        while (true) {
            Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            String res = q.get();
            if (res.equals(NO_MORE)) {
                return;
            }
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

    public static void main(String[] args) throws InterruptedException {
        Queue<String> q = new Queue<>();
        List<String> seq = IntStream.range(0, 10).mapToObj(i -> "包子" + i).toList();
        ChildProcess c = new ChildProcess(() -> consumer(q));
        c.start();
        producter(seq, q);
        System.out.println("主进程");
        q.put(NO_MORE);
        c.join();
    }
}
