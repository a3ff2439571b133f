package dev.mp4j.pool;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** O05: {@link SquaresWithMap} — map returns the squares in input order. */
class SquaresWithMapTest {

    @Test
    void printsTheSquaresInOrder() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            SquaresWithMap.main(new String[0]);
            assertThat(console.outLines()).containsExactly("[1, 4, 9, 16, 25, 36, 49, 64, 81, 100]");
        }
    }
}
