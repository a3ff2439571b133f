package dev.mp4j.pool;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The executor extra: {@link FiveTasksOnAnExecutor} — five tasks on four workers, results through futures. */
@Timeout(120)
class FiveTasksOnAnExecutorTest {

    @Test
    void fiveTasksRunOnFourWorkersAndTheirResultsComeBackThroughFutures() throws Exception {
        List<String> lines;
        String scale = System.getProperty(Time.SCALE_PROPERTY);
        System.setProperty(Time.SCALE_PROPERTY, "0.25"); // 0.5 s tasks: four start before any ends
        try (ConsoleCapture console = ConsoleCapture.start()) {
            FiveTasksOnAnExecutor.main(new String[0]);
            lines = console.outLines();
        } finally {
            if (scale == null) {
                System.clearProperty(Time.SCALE_PROPERTY);
            } else {
                System.setProperty(Time.SCALE_PROPERTY, scale);
            }
        }
        assertThat(lines.getFirst()).isEqualTo("当前母进程: " + ProcessHandle.current().pid());
        List<String> tasks = lines.stream().filter(line -> line.matches("子进程: \\d+ - 任务[0-4]")).toList();
        assertThat(tasks).hasSize(5);
        assertThat(tasks.stream().map(line -> line.split(" ")[1]).distinct()).hasSize(4); // four workers
        assertThat(lines).doesNotContain("子进程: " + ProcessHandle.current().pid());
        int waiting = lines.indexOf("等待所有子进程完成。");
        assertThat(lines.subList(waiting + 1, lines.size()).stream().filter(line -> line.startsWith("结果: ")))
                .containsOnly("结果: 1152921504606846976").hasSize(5);
        assertThat(lines.getLast()).startsWith("总共用时").endsWith("秒");
    }
}
