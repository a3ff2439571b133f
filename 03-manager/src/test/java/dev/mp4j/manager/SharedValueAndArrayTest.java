package dev.mp4j.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.Test;

/** M02: {@link SharedValueAndArray}: the parent sees what the child wrote into shared memory. */
class SharedValueAndArrayTest {

    @Test
    void parentPrintsTheChildsWrites() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            SharedValueAndArray.main(new String[0]);
            assertThat(console.outLines()).containsExactly("3.14", "[5, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
        }
    }
}
