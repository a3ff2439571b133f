package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ConsoleCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class SubclassOverridingRunTest {

    @Test
    void theOverriddenRunIsWhatRunsInTheChild() throws Exception {
        // the parent's line races the child's (which must boot, deserialize, sleep): retried with longer sleeps on a stalled machine
        Scaled.atSomeScale(() -> {
            try (ConsoleCapture console = ConsoleCapture.start()) {
                SubclassOverridingRun.main(new String[0]);

                await().atMost(Duration.ofSeconds(30)).until(() -> console.outLines().contains("liu stop eat"));
                assertThat(console.outLines()).containsExactly("主进程", "liu start  eat", "liu stop eat");
            }
        }, 0.05, 0.5);
    }

    @Test
    void theSubclassCarriesItsNameAndRunsOnlyOnce() throws InterruptedException {
        SubclassOverridingRun.Eat p = new SubclassOverridingRun.Eat("liu");
        assertThat(p.name()).isEqualTo("liu");
        try (ConsoleCapture console = ConsoleCapture.start()) {
            p.start();
            p.join(Duration.ofSeconds(30));
            assertThat(p.exitcode()).isZero();
            assertThat(console.outLines()).containsExactly("liu start  eat", "liu stop eat");
        }
    }
}
