package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Time;
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

    /** The three run at once: the last one starts its one-second sleep before the first has finished its own. */
    @Test
    void theThreeChildrenSleepAtTheSameTime() throws Exception {
        Scaled.atSomeScale(() -> {
            try (ConsoleCapture console = ConsoleCapture.start()) {
                SubclassStartedInLoop.main(new String[0]);
                double oneSleep = Time.scaled(1).toNanos() / 1e9;
                double startSpread = console.secondsBetween(l -> l.startsWith("process name :"), l -> l.startsWith("process name :"));
                assertThat(console.outLines()).hasSize(3);
                assertThat(startSpread).as("from the first child's start to the last one's").isLessThan(oneSleep);
            }
        }, 0.2, 1.0, 3.0);
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
