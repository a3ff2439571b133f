package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Multiprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class StartAndJoinTest {

    @Test
    void joinReturnsOnceTheChildHasPrintedAndEnded() throws InterruptedException {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            StartAndJoin.main(new String[0]);

            assertThat(console.outLines()).containsExactly("Process name is subprocess");
            assertThat(Multiprocessing.activeChildren()).isEmpty();
        }
    }
}
