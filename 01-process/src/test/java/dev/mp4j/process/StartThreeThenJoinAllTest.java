package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class StartThreeThenJoinAllTest {

    @Test
    void everyChildEndsBeforeTheMainProcessReports() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            StartThreeThenJoinAll.main(new String[0]);
            List<String> lines = console.outLines();

            assertThat(lines).hasSize(8);
            for (int n = 1; n <= 3; n++) {
                assertThat(lines).containsSubsequence("这是子进程:" + n, "子进程:" + n + "结束了!", "我是主进程");
            }
            assertThat(lines.get(6)).isEqualTo("我是主进程");
            assertThat(lines.get(7)).startsWith("共耗时:");
        }
    }

    /**
     * The children's work spans about the longest task (3 s), not the sum (6 s). Measured from the first
     * child's first line to the last child's last line, so JVM start-up and exit (seconds on a busy
     * machine) do not count; the parent's own total includes them and is at least the longest task.
     */
    @Test
    void theChildrenRunAtTheSameTimeSoTheWorkTakesTheLongestNotTheSum() throws Exception {
        Scaled.atSomeScale(() -> {
            double sum = seconds(1 + 2 + 3);
            double elapsed;
            double span;
            try (ConsoleCapture console = ConsoleCapture.start()) {
                StartThreeThenJoinAll.main(new String[0]);
                List<String> lines = console.outLines();
                elapsed = Double.parseDouble(lines.getLast().substring("共耗时:".length()));
                span = console.secondsBetween(line -> line.startsWith("这是子进程:"), line -> line.endsWith("结束了!"));
            }
            assertThat(elapsed).isGreaterThanOrEqualTo(seconds(3));
            assertThat(span).isLessThan(0.75 * sum);
        }, 0.1, 0.3, 1.0);
    }

    private static double seconds(double articleSeconds) {
        return Time.scaled(articleSeconds).toNanos() / 1e9;
    }
}
