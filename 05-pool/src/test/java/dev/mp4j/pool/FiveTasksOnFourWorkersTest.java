package dev.mp4j.pool;

import dev.mp4j.launcher.Time;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** O04: {@link FiveTasksOnFourWorkers} — five 2-second tasks on four workers take two task lengths. */
class FiveTasksOnFourWorkersTest {

    /** Notes when each line reaches this JVM's console (workers' lines come through the launcher's pumps). */
    private static final class TimedLines extends PrintStream {
        final List<Long> times = new CopyOnWriteArrayList<>();
        final List<String> lines = new CopyOnWriteArrayList<>();

        TimedLines(PrintStream console) {
            super(console, true, StandardCharsets.UTF_8);
        }

        @Override
        public void println(String line) {
            times.add(System.nanoTime());
            lines.add(line);
            super.println(line);
        }
    }

    @Test
    void fiveTasksOnFourWorkersTakeAboutTwoTaskLengths() throws Exception {
        PrintStream original = System.out;
        String scale = System.getProperty(Time.SCALE_PROPERTY);
        TimedLines out = new TimedLines(original);
        System.setProperty(Time.SCALE_PROPERTY, "0.25"); // 2 s tasks take 0.5 s: long beside line delivery
        System.setOut(out);
        double taskSeconds;
        try {
            taskSeconds = Time.scaled(2).toNanos() / 1e9;
            FiveTasksOnFourWorkers.main(new String[0]);
        } finally {
            System.setOut(original);
            if (scale == null) {
                System.clearProperty(Time.SCALE_PROPERTY);
            } else {
                System.setProperty(Time.SCALE_PROPERTY, scale);
            }
        }
        List<String> lines = out.lines;
        assertThat(lines.getFirst()).startsWith("CPU内核数:");
        assertThat(lines).contains("当前母进程: " + ProcessHandle.current().pid(), "等待所有子进程完成。");
        assertThat(lines.stream().filter(l -> l.matches("子进程: \\d+ - 任务[0-4]"))).hasSize(5);
        assertThat(lines.stream().filter(l -> l.equals("结果: 1152921504606846976"))).hasSize(5);
        assertThat(lines.getLast()).startsWith("总共用时").endsWith("秒");

        int firstStart = indexOfFirst(lines, "子进程: ");
        int lastEnd = lines.lastIndexOf("结果: 1152921504606846976");
        double span = (out.times.get(lastEnd) - out.times.get(firstStart)) / 1e9;
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
