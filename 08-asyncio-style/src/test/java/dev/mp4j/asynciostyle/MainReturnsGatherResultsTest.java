package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainReturnsGatherResultsTest {

    @Test
    void runUntilCompleteReturnsWhatMainReturned() throws Exception {
        List<String> lines = Stdout.capture(() -> MainReturnsGatherResults.main(new String[0]));
        assertThat(lines).containsExactly(
                "Waiting:  1", "Waiting:  2", "Waiting:  2",
                "Task ret:  Done after 1s", "Task ret:  Done after 2s", "Task ret:  Done after 2s");
    }
}
