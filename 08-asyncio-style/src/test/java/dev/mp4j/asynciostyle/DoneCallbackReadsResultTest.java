package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DoneCallbackReadsResultTest {

    @Test
    void theCallbackRunsWhenTheCoroutineEndsAndReadsItsResult() throws Exception {
        List<String> lines = Stdout.capture(() -> DoneCallbackReadsResult.main(new String[0]));
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(0, 2)).containsExactly("Waiting:  2", "Callback:  Done after 2s");
        assertThat(lines.get(2)).startsWith("TIME:  ");
    }
}
