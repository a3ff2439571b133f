package dev.mp4j.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** L01: {@link LockPassedToHundredProcesses}, as printed (lock unused) and with the lock calls restored. */
class LockPassedToHundredProcessesTest {

    private static List<String> expected(int processes) {
        return IntStream.range(0, processes).mapToObj(i -> "hello world " + i).toList();
    }

    @Test
    void withTheLockAllHundredLinesArriveWhole() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            LockPassedToHundredProcesses.run(100, true);
            List<String> lines = console.outLines();
            assertThat(lines).allMatch(line -> line.matches("hello world \\d+"));
            assertThat(lines).containsExactlyInAnyOrderElementsOf(expected(100));
        }
    }

    @Test
    void asPrintedTheLockIsUnusedAndEveryProcessStillPrints() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            LockPassedToHundredProcesses.run(10, false);
            // the launcher copies each child's output a line at a time, so even unlocked lines are whole
            assertThat(console.outLines()).containsExactlyInAnyOrderElementsOf(expected(10));
        }
    }
}
