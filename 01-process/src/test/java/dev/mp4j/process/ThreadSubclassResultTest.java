package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadSubclassResultTest {

    @Test
    void bothThreadsRunTogetherAndReportTheirResults() throws Exception {
        Scaled.atSomeScale(() -> {
            List<String> lines;
            try (ConsoleCapture console = ConsoleCapture.start()) {
                ThreadSubclassResult.main(new String[0]);
                lines = console.outLines();
            }
            assertThat(lines).hasSize(7);
            for (String n : List.of("1", "2")) {
                assertThat(lines).containsSubsequence("开始子进程" + n, "结束子进程" + n);
            }
            // both started before either finished: they ran at the same time
            assertThat(lines.subList(0, 2)).containsExactlyInAnyOrder("开始子进程1", "开始子进程2");
            assertThat(lines).filteredOn("结果: 1152921504606846976"::equals).hasSize(2);
            double total = SequentialBaselineTest.seconds(lines.getLast());
            double oneSleep = Time.scaled(2).toNanos() / 1e9;
            assertThat(total).isGreaterThanOrEqualTo(oneSleep).isLessThan(1.5 * oneSleep);
        }, 0.05, 0.25, 1.0);
    }

    @Test
    void theResultIsNullUntilTheThreadHasRunAndReadableAfterJoin() throws InterruptedException {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ThreadSubclassResult.MyThread t = new ThreadSubclassResult.MyThread(i -> (long) i * 10, 7, "x");
            assertThat(t.result()).isNull();
            t.start();
            t.join();
            assertThat(t.result()).isEqualTo(70L);
            assertThat(t.getName()).isEqualTo("x");
            assertThat(console.outLines()).containsExactly("开始子进程x", "结果: 70", "结束子进程x");
        }
    }
}
