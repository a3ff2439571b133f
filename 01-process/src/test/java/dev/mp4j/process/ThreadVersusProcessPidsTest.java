package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class ThreadVersusProcessPidsTest {

    @Test
    void threadsShareTheMainPidAndProcessesHaveTheirOwn() throws InterruptedException {
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ThreadVersusProcessPids.main(new String[0]);
            lines = console.outLines();
        }
        long main = ProcessHandle.current().pid();
        assertThat(lines).hasSize(11);
        assertThat(lines.getFirst()).isEqualTo("Main: " + main);
        assertThat(lines.subList(1, 6)).containsOnly("thread " + main);
        List<String> processes = lines.subList(6, 11);
        assertThat(processes).allMatch(l -> l.matches("process \\d+"))
                .doesNotHaveDuplicates()
                .doesNotContain("process " + main);
    }
}
