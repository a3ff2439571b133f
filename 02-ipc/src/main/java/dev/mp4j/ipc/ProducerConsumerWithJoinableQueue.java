package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.JoinableQueue;
import java.util.List;
import java.util.stream.IntStream;

/**
 * I05 — seed 001, 进程间的通信 › 基于队列实现生产者消费者模型 › 完美一些的写法: a {@link JoinableQueue};
 * the producer process waits in {@code q.join()} until the daemon consumer has called
 * {@code taskDone()} for all ten items, the main process waits for the producer, and the daemon
 * consumer is reclaimed when the main process ends.
 *
 * <p>As in the article, the consumer calls {@code taskDone()} before printing, so its last line may
 * come after {@code ============>>}. The article's random sleeps are commented out; so are they here.
 */
public final class ProducerConsumerWithJoinableQueue {

    private ProducerConsumerWithJoinableQueue() {
    }

    static void consumer(JoinableQueue<String> q, String name) {
        while (true) {
            // Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            String res = q.get();
            q.taskDone();
            System.out.println("\033[41m消费者" + name + "拿到了" + res + "\033[0m");
        }
    }

    static void producer(List<String> seq, JoinableQueue<String> q, String name) {
        for (String item : seq) {
            // Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            q.put(item);
            System.out.println("\033[42m生产者" + name + "生产了" + item + "\033[0m");
        }
        q.join();
        System.out.println("============>>");
    }

    public static void main(String[] args) throws InterruptedException {
        JoinableQueue<String> q = new JoinableQueue<>();
        ChildProcess c = new ChildProcess(() -> consumer(q, "egon"));
        c.setDaemon(true);                                  // 设置守护进程,主进程结束c就结束
        c.start();
        List<String> seq = IntStream.range(0, 10).mapToObj(i -> "包子" + i).toList();
        ChildProcess p = new ChildProcess(() -> producer(seq, q, "厨师1"));
        p.start();
        // master--->producer----->q--->consumer(10次task_done)
        p.join();   // 主进程等待p结束,p等待c把数据都取完,c一旦取完数据,p.join就是不再阻塞,
                    // 进而主进程结束,主进程结束会回收守护进程c,而且c此时也没有存在的必要了
        System.out.println("主进程");
    }
}
