package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainReturnsWaitSetsTest {

    @Test
    void theCallerUnpacksDoneAndPending() throws Exception {
        List<String> lines = Stdout.capture(() -> MainReturnsWaitSets.main(new String[0]));
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 3)).containsExactly("Waiting:  1", "Waiting:  2", "Waiting:  4");
        assertThat(lines.subList(3, 6)).containsExactlyInAnyOrder(
                "Task ret:  Done after 1s", "Task ret:  Done after 2s", "Task ret:  Done after 4s");
    }
}
