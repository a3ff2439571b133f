package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ConsoleCapture;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class ChildAndParentPidsTest {

    private static final Pattern CHILD_IDS = Pattern.compile("子进程id : (\\d+) 父进程id : (\\d+)");

    @Test
    void theChildsParentIsTheMainProcess() throws Exception {
        // the parent's line races the child's (which must boot, deserialize, sleep): retried with longer sleeps on a stalled machine
        Scaled.atSomeScale(() -> {
            try (ConsoleCapture console = ConsoleCapture.start()) {
                ChildAndParentPids.main(new String[0]);
                await().atMost(Duration.ofSeconds(30)).until(() -> console.outLines().contains("t1 is done!"));
                List<String> lines = console.outLines();

                long main = ProcessHandle.current().pid();
                assertThat(lines).hasSize(5);
                assertThat(lines.getFirst()).isEqualTo("主进程id : " + main);
                // the parent does not join: its second line comes before the child has finished
                assertThat(lines).containsSubsequence("--- 主进程 ----", "t1 is done!");
                assertThat(lines.subList(1, 5)).containsSubsequence("t1 is running!", "t1 is done!");
                Matcher ids = lines.stream().map(CHILD_IDS::matcher).filter(Matcher::matches).findFirst().orElseThrow();
                assertThat(Long.parseLong(ids.group(1))).isNotEqualTo(main);
                assertThat(Long.parseLong(ids.group(2))).isEqualTo(main);
                assertThat(lines.indexOf(ids.group())).isBetween(lines.indexOf("t1 is running!"), lines.indexOf("t1 is done!"));
            }
        }, 0.05, 0.5);
    }
}
