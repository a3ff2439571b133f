package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadsWithJoinTest {

    /** 主线程在等子线程完成后才打印出总消耗时间(2秒),比正常顺序执行代码(4秒)还是节省了不少时间。 */
    @Test
    void theMainThreadWaitsForBothAndTheTotalIsOneSleepNotTwo() throws Exception {
        Scaled.atSomeScale(() -> {
            List<String> lines;
            try (ConsoleCapture console = ConsoleCapture.start()) {
                Scaled.asMainThread(() -> ThreadsWithJoin.main(new String[0]));
                lines = console.outLines();
            }
            assertThat(lines).hasSize(6);
            assertThat(lines.getFirst()).isEqualTo("这是主线程:MainThread");
            assertThat(lines.subList(1, 5)).containsExactlyInAnyOrder(
                    "当前子线程: Thread-1 任务1", "当前子线程: Thread-2 任务2",
                    "结果: 1152921504606846976", "结果: 1152921504606846976");
            double total = SequentialBaselineTest.seconds(lines.getLast());
            double oneSleep = Time.scaled(2).toNanos() / 1e9;
            assertThat(total).isGreaterThanOrEqualTo(oneSleep).isLessThan(0.75 * 2 * oneSleep);
        }, 0.05, 0.25, 1.0);
    }

    /** Both threads are started before either is joined: both 当前子线程 lines come before any 结果. */
    @Test
    void bothThreadsStartBeforeEitherEnds() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Scaled.asMainThread(() -> ThreadsWithJoin.main(new String[0]));
            List<String> lines = console.outLines();
            assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder("当前子线程: Thread-1 任务1", "当前子线程: Thread-2 任务2");
            assertThat(lines.subList(3, 5)).containsOnly("结果: 1152921504606846976");
        }
    }
}
