package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class MemoryIsolationTest {

    @Test
    void theChildChangesItsOwnCopyAndTheParentStillSees100() throws InterruptedException {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            MemoryIsolation.main(new String[0]);

            assertThat(console.outLines()).containsExactly("子进程修改了x,子进程结束了!", "100");
            assertThat(MemoryIsolation.x).isEqualTo(100);
        }
    }

    @Test
    void theSameFunctionInAThreadDoesChangeTheSharedValue() throws InterruptedException {
        // the contrast the article draws: threads share memory, processes do not
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Thread t = Thread.ofPlatform().start(MemoryIsolation::change);
            t.join();
            assertThat(MemoryIsolation.x).isEqualTo(10);
        } finally {
            MemoryIsolation.x = 100;
        }
    }
}
