package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadsWithoutJoinTest {

    private static final String RESULT = "结果: 1152921504606846976";

    /** 为什么总耗时居然是0秒? The main thread does not wait: its total is printed long before the results. */
    @Test
    void theMainThreadReportsAtOnceAndTheThreadsFinishLater() throws Exception {
        Scaled.atSomeScale(() -> {
            try (ConsoleCapture console = ConsoleCapture.start()) {
                Scaled.asMainThread(() -> ThreadsWithoutJoin.main(new String[0]));
                List<String> atReturn = console.outLines();
                // the threads keep running after main has returned, and still print their results
                await().atMost(Duration.ofSeconds(30)).until(() -> console.outLines().stream().filter(RESULT::equals).count() == 2);
                List<String> lines = console.outLines();

                assertThat(atReturn).doesNotContain(RESULT);
                assertThat(lines).hasSize(6);
                assertThat(lines.getFirst()).isEqualTo("这是主线程:MainThread");
                assertThat(lines).contains("当前子线程: Thread-1 - 任务1", "当前子线程: Thread-2 - 任务2");
                String total = lines.stream().filter(l -> l.startsWith("总共用时")).findFirst().orElseThrow();
                assertThat(lines.indexOf(total)).isLessThan(lines.indexOf(RESULT));
                assertThat(SequentialBaselineTest.seconds(total)).isLessThan(0.5 * Time.scaled(2).toNanos() / 1e9);
            }
        }, 0.05, 0.25, 1.0);
    }
}
