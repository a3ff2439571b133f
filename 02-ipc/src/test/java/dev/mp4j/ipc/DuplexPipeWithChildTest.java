package dev.mp4j.ipc;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplexPipeWithChildTest {

    @Test
    void bothEndsSendAndReceive() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            DuplexPipeWithChild.main(new String[0]);
            assertThat(console.outLines()).containsExactlyInAnyOrder("11", "22", "from parent: 33", "from parent: 44");
            assertThat(console.outLines()).containsSubsequence("11", "22").containsSubsequence("from parent: 33", "from parent: 44");
        }
    }
}
