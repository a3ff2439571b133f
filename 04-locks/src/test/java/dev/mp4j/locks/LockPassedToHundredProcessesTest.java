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

    /** The article's 100 by default; {@code -Dl01.processes=N} lowers it on a slow machine. */
    private static final int PROCESSES = Integer.getInteger("l01.processes", 100);

    @Test
    void withTheLockAllHundredLinesArriveWhole() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            LockPassedToHundredProcesses.run(PROCESSES, true);
            List<String> lines = console.outLines();
            assertThat(lines).allMatch(line -> line.matches("hello world \\d+"));
            assertThat(lines).containsExactlyInAnyOrderElementsOf(expected(PROCESSES));
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
