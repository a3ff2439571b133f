package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class TwoProcessesInParallelTest {

    private static final Pattern TASK = Pattern.compile("子进程: (\\d+) - 任务([12])");
    private static final String RESULT = "结果: 1152921504606846976";

    @Test
    void oneParentAndTwoChildrenEachWithItsOwnPid() throws InterruptedException {
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            TwoProcessesInParallel.main(new String[0]);
            lines = console.outLines();
        }
        long parent = ProcessHandle.current().pid();
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(0, 2)).containsExactly("当前母进程: " + parent, "等待所有子进程完成。");
        List<Matcher> tasks = lines.stream().map(TASK::matcher).filter(Matcher::matches).toList();
        assertThat(tasks).hasSize(2);
        assertThat(tasks.stream().map(m -> m.group(2))).containsExactlyInAnyOrder("1", "2");
        assertThat(tasks.stream().map(m -> Long.parseLong(m.group(1))).distinct()).hasSize(2).doesNotContain(parent);
        assertThat(lines).filteredOn(RESULT::equals).hasSize(2);
        assertThat(SequentialBaselineTest.seconds(lines.getLast())).isGreaterThanOrEqualTo(Time.scaled(2).toNanos() / 1e9);
    }

    /**
     * 耗时2S against the baseline's 4 s (P14, {@link SequentialBaseline}): the work of two processes spans
     * well under that of the same two tasks in sequence. Measured from the first task line to the last
     * result line, so JVM start-up and exit are not counted; on a busy machine the children start further
     * apart, and the check lengthens the sleeps until they dominate.
     */
    @Test
    void twoProcessesTakeAboutHalfTheTimeOfTheSequentialBaseline() throws Exception {
        Scaled.atSomeScale(() -> {
            double sequential;
            try (ConsoleCapture console = ConsoleCapture.start()) {
                SequentialBaseline.main(new String[0]);
                sequential = console.secondsBetween(line -> line.startsWith("当前进程:"), RESULT::equals);
            }
            double parallel;
            try (ConsoleCapture console = ConsoleCapture.start()) {
                TwoProcessesInParallel.main(new String[0]);
                parallel = console.secondsBetween(line -> line.startsWith("子进程:"), RESULT::equals);
            }
            assertThat(sequential).isGreaterThanOrEqualTo(0.9 * Time.scaled(4).toNanos() / 1e9);
            assertThat(parallel).isLessThan(0.75 * sequential);
        }, 0.1, 0.3, 1.0);
    }
}
