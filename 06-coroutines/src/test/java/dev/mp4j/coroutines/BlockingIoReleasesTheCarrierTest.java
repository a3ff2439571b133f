package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BlockingIoReleasesTheCarrierTest {

    private static final double SCALE = 0.25;

    @Test
    void hundredBlockedSocketReadsOnOneCarrierAllProgress() throws Exception {
        Console.Run run = Console.run(SCALE, () -> BlockingIoReleasesTheCarrier.main(new String[0]));
        List<String> lines = run.lines();

        assertThat(lines.get(0)).startsWith("100 virtual threads read 100000 bytes from http://127.0.0.1:");
        assertThat(lines.get(1)).startsWith("carrier threads used: 1 ");
        assertThat(lines.get(2)).as("all 100 readers were blocked at the same time").isEqualTo("requests the server held at once: 100");
        double cost = Console.number(lines, "cost");
        double onePage = 1.0 * SCALE;
        assertThat(cost).isGreaterThanOrEqualTo(onePage * 0.98);
        assertThat(cost / (100 * onePage)).as("cost against 100 reads one after another").isLessThan(0.25);
    }
}
