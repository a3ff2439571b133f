package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AsynchronousCrawlerTest {

    private static final double SCALE = 0.5;

    @Test
    void startsAllThreeAtOnceAndTakesAboutTheSlowestPageNotTheSum() throws Exception {
        List<String> lines = Stdout.captureAtScale(SCALE, () -> AsynchronousCrawler.main(new String[0]));
        List<String> sequential = Stdout.captureAtScale(SCALE, () -> SynchronousCrawler.main(new String[0]));
        assertThat(lines).startsWith("A", "B", "C");
        double slowest = 0.45 * SCALE;
        double time = Stdout.seconds(lines, "running time");
        // Against the synchronous crawler measured on the same machine just now: a loaded machine
        // slows both, the ratio stays.
        assertThat(time).isGreaterThanOrEqualTo(0.95 * slowest)
                .isLessThan(0.8 * Stdout.seconds(sequential, "running time"));
    }
}
