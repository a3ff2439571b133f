package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NestedCoroutineGatherTest {

    private static final double SCALE = 0.25;

    @Test
    void gatherGivesTheResultsInTaskOrder() throws Exception {
        List<String> lines = Stdout.captureAtScale(SCALE, () -> NestedCoroutineGather.main(new String[0]));
        assertThat(lines.subList(0, 6)).containsExactly(
                "Waiting:  1", "Waiting:  2", "Waiting:  4",
                "Task ret:  Done after 1s", "Task ret:  Done after 2s", "Task ret:  Done after 4s");
        assertThat(Stdout.seconds(lines, "TIME: ")).isLessThan(0.85 * 7 * SCALE);
    }
}
