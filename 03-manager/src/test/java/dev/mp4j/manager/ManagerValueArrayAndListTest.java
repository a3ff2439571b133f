package dev.mp4j.manager;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** M03: {@link ManagerValueArrayAndList} — the parent prints the Value, Array and list the child set. */
class ManagerValueArrayAndListTest {

    @Test
    void theParentSeesWhatTheChildSetThroughTheManager() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ManagerValueArrayAndList.main(new String[0]);
            assertThat(console.outLines()).containsExactly(
                    "3.14",
                    "array('i', [5, 1, 2, 3, 4, 5, 6, 7, 8, 9])",
                    "['Hello']");
        }
    }
}
