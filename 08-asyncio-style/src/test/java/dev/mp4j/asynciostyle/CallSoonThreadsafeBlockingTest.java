package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallSoonThreadsafeBlockingTest {

    private static final double SCALE = 0.1;

    @Test
    void blockingFunctionsRunInOrderOneAfterTheOtherSixPlusThree() throws Exception {
        long[] elapsed = new long[1];
        List<String> lines = Stdout.captureAtScale(SCALE, () -> {
            long start = System.nanoTime();
            CallSoonThreadsafeBlocking.main(new String[0]);
            elapsed[0] = System.nanoTime() - start;
        });
        assertThat(lines).hasSize(5);
        assertThat(Stdout.seconds(lines, "TIME: ")).isLessThan(1 * SCALE);   // the main thread is not blocked
        assertThat(lines.subList(1, 5)).containsExactly(
                "More work 6", "Finished more work 6", "More work 3", "Finished more work 3");
        assertThat(elapsed[0] / 1e9).isGreaterThanOrEqualTo((6 + 3) * SCALE);
    }
}
