package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class NestedCoroutineGatherTest {

    private static final double SCALE = 0.25;

    @Test
    void gatherGivesTheResultsInTaskOrder() throws Exception {
        List<String> lines = Stdout.captureAtScale(SCALE, () -> NestedCoroutineGather.run(1, 2, 4));
        assertThat(lines.subList(0, 6)).containsExactly(
                "Waiting:  1", "Waiting:  2", "Waiting:  4",
                "Task ret:  Done after 1s", "Task ret:  Done after 2s", "Task ret:  Done after 4s");
        assertThat(Stdout.seconds(lines, "TIME: ")).isLessThan(0.85 * 7 * SCALE);
    }

    /** Sleeps where task order and completion order differ: gather keeps task order (as_completed would not). */
    @Test
    void gatherKeepsTaskOrderWhenTheTasksFinishInAnotherOrder() throws Exception {
        List<String> lines = Stdout.captureAtScale(SCALE, () -> NestedCoroutineGather.run(4, 1, 2));
        assertThat(lines.subList(0, 6)).containsExactly(
                "Waiting:  4", "Waiting:  1", "Waiting:  2",
                "Task ret:  Done after 4s", "Task ret:  Done after 1s", "Task ret:  Done after 2s");
        assertThat(Stdout.seconds(lines, "TIME: ")).isGreaterThanOrEqualTo(4 * SCALE).isLessThan(0.85 * 7 * SCALE);
    }
}
