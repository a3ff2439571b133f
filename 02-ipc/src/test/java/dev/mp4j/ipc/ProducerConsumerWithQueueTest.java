package dev.mp4j.ipc;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerConsumerWithQueueTest {

    static List<String> plain(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\033\\[[0-9;]*m", "")).toList();
    }

    @Test
    void everyBunIsConsumedInTheOrderItWasProduced() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ProducerConsumerWithQueue.main(new String[0]);
            List<String> lines = plain(console.outLines());
            List<String> produced = IntStream.range(0, 10).mapToObj(i -> "生产者生产了:包子" + i).toList();
            List<String> consumed = IntStream.range(0, 10).mapToObj(i -> "消费者拿到了:包子" + i).toList();
            assertThat(lines.stream().filter(l -> l.startsWith("生产者")).toList()).isEqualTo(produced);
            assertThat(lines.stream().filter(l -> l.startsWith("消费者")).toList()).as("all consumed, FIFO").isEqualTo(consumed);
            assertThat(lines).containsSubsequence("生产者生产了:包子9", "主进程");
            assertThat(lines).hasSize(21);
        }
    }
}
