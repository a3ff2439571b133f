package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunCoroutineThreadsafeConcurrentTest {

    private static final double SCALE = 0.2;

    @Test
    void coroutinesFromTheMainThreadRunConcurrentlyInAboutSixSeconds() throws Exception {
        long[] elapsed = new long[1];
        List<String> lines = Stdout.captureAtScale(SCALE, () -> {
            long start = System.nanoTime();
            RunCoroutineThreadsafeConcurrent.main(new String[0]);
            elapsed[0] = System.nanoTime() - start;
        });
        assertThat(lines).hasSize(5);
        assertThat(Stdout.seconds(lines, "TIME: ")).isLessThan(1 * SCALE);
        assertThat(lines.subList(1, 5)).containsExactly("Waiting 6", "Waiting 4", "Done after 4s", "Done after 6s");
        double seconds = elapsed[0] / 1e9;
        assertThat(seconds).isGreaterThanOrEqualTo(6 * SCALE).isLessThan(0.8 * (6 + 4) * SCALE);
    }
}
