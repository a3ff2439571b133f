package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AwaitSleepInATaskTest {

    @Test
    void theTaskSleepsItsTwoSeconds() throws Exception {
        List<String> lines = Stdout.capture(() -> AwaitSleepInATask.main(new String[0]));
        assertThat(lines.subList(0, 2)).containsExactly("Waiting:  2", "Task ret:  Done after 2s");
        assertThat(Stdout.seconds(lines, "TIME: ")).isGreaterThanOrEqualTo(2 * Stdout.unit());
    }
}
