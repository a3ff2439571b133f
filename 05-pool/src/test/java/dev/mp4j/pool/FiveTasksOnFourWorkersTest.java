package dev.mp4j.pool;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** O04: {@link FiveTasksOnFourWorkers} — five 2-second tasks on four workers take two task lengths. */
class FiveTasksOnFourWorkersTest {

    @Test
    void fiveTasksOnFourWorkersTakeAboutTwoTaskLengths() throws Exception {
        String scale = System.getProperty(Time.SCALE_PROPERTY);
        System.setProperty(Time.SCALE_PROPERTY, "0.25"); // 2 s tasks take 0.5 s: long beside line delivery
        double taskSeconds;
        List<ConsoleCapture.Line> timed;
        try (ConsoleCapture out = ConsoleCapture.start()) {
            taskSeconds = Time.scaled(2).toNanos() / 1e9;
            FiveTasksOnFourWorkers.main(new String[0]);
            timed = out.outTimedLines();
        } finally {
            if (scale == null) {
                System.clearProperty(Time.SCALE_PROPERTY);
            } else {
                System.setProperty(Time.SCALE_PROPERTY, scale);
            }
        }
        List<String> lines = timed.stream().map(ConsoleCapture.Line::text).toList();
        assertThat(lines.getFirst()).startsWith("CPU内核数:");
        assertThat(lines).contains("当前母进程: " + ProcessHandle.current().pid(), "等待所有子进程完成。");
        assertThat(lines.stream().filter(l -> l.matches("子进程: \\d+ - 任务[0-4]"))).hasSize(5);
        assertThat(lines.stream().filter(l -> l.equals("结果: 1152921504606846976"))).hasSize(5);
        assertThat(lines.getLast()).startsWith("总共用时").endsWith("秒");

        int firstStart = indexOfFirst(lines, "子进程: ");
        int lastEnd = lines.lastIndexOf("结果: 1152921504606846976");
        double span = (timed.get(lastEnd).nanos() - timed.get(firstStart).nanos()) / 1e9;
        // four at once, then the fifth: about 2 task lengths (not 1: all at once; not 5: one by one)
        assertThat(span / taskSeconds).isBetween(1.7, 3.2);
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}
