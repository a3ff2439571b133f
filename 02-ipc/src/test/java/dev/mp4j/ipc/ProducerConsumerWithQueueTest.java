package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ConsoleCapture;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(120)
class ProducerConsumerWithQueueTest {

    static List<String> plain(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\033\\[[0-9;]*m", "")).toList();
    }

    @Test
    void everyBunIsConsumedInOrderAndThenTheConsumerWaitsForever() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess consumer = ProducerConsumerWithQueue.run();
            try {
                List<String> consumed = IntStream.range(0, 10).mapToObj(i -> "消费者拿到了:包子" + i).toList();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> plain(console.outLines()).containsAll(consumed));
                List<String> lines = plain(console.outLines());
                List<String> produced = IntStream.range(0, 10).mapToObj(i -> "生产者生产了:包子" + i).toList();
                assertThat(lines.stream().filter(l -> l.startsWith("生产者")).toList()).isEqualTo(produced);
                assertThat(lines.stream().filter(l -> l.startsWith("消费者")).toList()).as("all consumed, FIFO").isEqualTo(consumed);
                assertThat(lines).containsSubsequence("生产者生产了:包子9", "主进程");

                // the program never ends: with everything consumed, the consumer is still waiting in q.get()
                consumer.join(Duration.ofSeconds(1));
                assertThat(consumer.isAlive()).isTrue();
                assertThat(consumer.exitcode()).isNull();
            } finally {
                consumer.terminate();
                consumer.join(Duration.ofSeconds(30));
            }
        }
    }
}
