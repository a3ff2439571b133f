package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Multiprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class SubclassStartedInLoopTest {

    @Test
    void threeChildrenPrintTheirNamesInAnyOrderAndAreAllJoined() throws InterruptedException {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            SubclassStartedInLoop.main(new String[0]);

            assertThat(console.outLines()).containsExactlyInAnyOrder("process name :0", "process name :1", "process name :2");
            assertThat(Multiprocessing.activeChildren()).as("every child joined, not just the last").isEmpty();
        }
    }

    @Test
    void aProcessCannotBeStartedTwice() throws InterruptedException {
        SubclassStartedInLoop.MyProcess p = new SubclassStartedInLoop.MyProcess("again");
        try (ConsoleCapture console = ConsoleCapture.start()) {
            p.start();
            assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class).hasMessage("cannot start a process twice");
            p.join();
            assertThat(p.exitcode()).isZero();
        }
    }
}
