package dev.mp4j.ipc;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipeBetweenTwoChildrenTest {

    @Test
    void proc2HearsHelloThenProc1HearsTheAnswer() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            PipeBetweenTwoChildren.main(new String[0]);
            assertThat(console.outLines()).containsExactly("proc2 rec: hello", "proc1 rec: hello, too");
        }
    }
}
