package dev.mp4j.ipc;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueBetweenParentAndChildTest {

    @Test
    void theParentsItemComesOutFirstThenTheChilds() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            QueueBetweenParentAndChild.main(new String[0]);
            assertThat(console.outLines()).containsExactly("取到: 11", "取到: 22");
        }
    }
}
