package dev.mp4j.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * L01: {@link LockPassedToHundredProcesses}. With the lock, every process's line reaches the screen whole;
 * as printed (lock unused), the pieces of different processes mix inside lines. After each piece the screen
 * waits (up to a second) for the others' pieces, so the unlocked run mixes on every run, not by luck.
 */
@Timeout(120)
class LockPassedToHundredProcessesTest {

    /** The article's 100 by default; {@code -Dl01.processes=N} lowers it on a slow machine. */
    private static final int PROCESSES = Integer.getInteger("l01.processes", 100);

    private static List<String> expected(int processes) {
        return IntStream.range(0, processes).mapToObj(i -> "hello world " + i).toList();
    }

    @Test
    void withTheLockEveryLineArrivesWhole() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            LockPassedToHundredProcesses.run(PROCESSES, true);
            assertThat(console.outLines()).containsExactlyInAnyOrderElementsOf(expected(PROCESSES));
        }
    }

    @Test
    void asPrintedWithoutTheLockThePiecesOfDifferentProcessesMix() throws Exception {
        int processes = 10;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            LockPassedToHundredProcesses.run(processes, false);
            String screen = console.out();
            // a second process wrote its "hello world" before the first wrote its number
            assertThat(screen).startsWith("hello worldhello world");
            // nothing is lost, only mixed: the same characters as ten whole lines
            assertThat(sorted(screen)).isEqualTo(sorted(String.join("\n", expected(processes)) + "\n"));
        }
    }

    private static String sorted(String text) {
        return text.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
