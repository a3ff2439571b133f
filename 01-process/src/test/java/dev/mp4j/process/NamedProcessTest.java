package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ConsoleCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class NamedProcessTest {

    @Test
    void printsTheArticlesResultBlockInOrder() throws Exception {
        // the parent's line races the child's (which must boot, deserialize, sleep): retried with longer sleeps on a stalled machine
        Scaled.atSomeScale(() -> {
            try (ConsoleCapture console = ConsoleCapture.start()) {
                NamedProcess.main(new String[0]);

                await().atMost(Duration.ofSeconds(30)).until(() -> console.outLines().contains("stop....."));
                assertThat(console.outLines()).containsExactly("主进程", "start......", "stop.....");
            }
        }, 0.05, 0.5);
    }
}
