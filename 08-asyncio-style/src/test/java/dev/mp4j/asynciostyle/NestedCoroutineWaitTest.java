package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NestedCoroutineWaitTest {

    private static final double SCALE = 0.25;

    @Test
    void mainAwaitsWaitAndPrintsEveryDoneTask() throws Exception {
        List<String> lines = Stdout.captureAtScale(SCALE, () -> NestedCoroutineWait.main(new String[0]));
        assertThat(lines.subList(0, 3)).containsExactly("Waiting:  1", "Waiting:  2", "Waiting:  4");
        assertThat(lines.subList(3, 6)).containsExactlyInAnyOrder(
                "Task ret:  Done after 1s", "Task ret:  Done after 2s", "Task ret:  Done after 4s");
        assertThat(Stdout.seconds(lines, "TIME: ")).isLessThan(0.85 * 7 * SCALE);
    }
}
