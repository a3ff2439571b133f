package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SynchronousCrawlerTest {

    @Test
    void fetchesThePagesOneAfterAnotherSoItTakesTheirSum() throws Exception {
        List<String> lines = Stdout.capture(() -> SynchronousCrawler.main(new String[0]));
        assertThat(lines).startsWith("task A", "task B", "task C");
        double sum = (0.35 + 0.40 + 0.45) * Stdout.unit();
        assertThat(Stdout.seconds(lines, "running time")).isGreaterThanOrEqualTo(0.95 * sum);
    }
}
