package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class AsCompletedInMainTest {

    private static final double SCALE = 0.25;

    @Test
    void resultsArriveInCompletionOrder() throws Exception {
        List<String> lines = Stdout.captureAtScale(SCALE, () -> AsCompletedInMain.run(1, 2, 4));
        assertThat(lines.subList(0, 6)).containsExactly(
                "Waiting:  1", "Waiting:  2", "Waiting:  4",
                "Task ret: Done after 1s", "Task ret: Done after 2s", "Task ret: Done after 4s");
        double time = Stdout.seconds(lines, "TIME: ");
        assertThat(time).isGreaterThanOrEqualTo(4 * SCALE).isLessThan(0.85 * 7 * SCALE);
    }

    /** Sleeps where completion order and task order differ: as_completed follows completion (gather would not). */
    @Test
    void asCompletedFollowsCompletionWhenItDiffersFromTaskOrder() throws Exception {
        List<String> lines = Stdout.captureAtScale(SCALE, () -> AsCompletedInMain.run(4, 1, 2));
        assertThat(lines.subList(0, 6)).containsExactly(
                "Waiting:  4", "Waiting:  1", "Waiting:  2",
                "Task ret: Done after 1s", "Task ret: Done after 2s", "Task ret: Done after 4s");
    }
}
