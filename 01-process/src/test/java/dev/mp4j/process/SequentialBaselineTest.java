package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialBaselineTest {

    @Test
    void twoTasksRunOneAfterTheOtherInTheSameProcess() {
        List<String> lines;
        long started = System.nanoTime();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            SequentialBaseline.main(new String[0]);
            lines = console.outLines();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long pid = ProcessHandle.current().pid();
        String result = "结果: 1152921504606846976";
        assertThat(lines).containsExactly(
                "当前母进程: " + pid, "当前进程: " + pid, result, "当前进程: " + pid, result);
        // 顺序执行,用时4S: at least the two sleeps, one after the other
        assertThat(seconds).isGreaterThanOrEqualTo(Time.scaled(4).toNanos() / 1e9);
    }

    static double seconds(String totalLine) {
        assertThat(totalLine).startsWith("总共用时").endsWith("秒");
        return Double.parseDouble(totalLine.substring("总共用时".length(), totalLine.length() - 1));
    }
}
