package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ConsoleCapture;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class DaemonProcessTest {

    private static final Pattern PID_AND_NAME = Pattern.compile("(\\d+) Myprocess-1");

    /** The main JVM must really exit, so it runs apart. */
    @Test
    void theDaemonChildPrintsFirstAndIsGoneWhenTheMainProcessEnds() throws Exception {
        Scaled.atSomeScale(() -> {
            double scale = Double.parseDouble(System.getProperty("mp4j.timeScale"));
            SeparateJvm.Result run = SeparateJvm.run(DaemonProcess.class, scale, Duration.ofSeconds(90));
            List<String> lines = run.texts();

            assertThat(run.exitCode()).isZero();
            assertThat(lines).hasSize(3); // the child had to boot within the parent's 10 s (scaled)
            Matcher first = PID_AND_NAME.matcher(lines.getFirst());
            assertThat(first.matches()).as("first line %s", lines.getFirst()).isTrue();
            assertThat(lines).containsExactly(lines.getFirst(), "哪吒正在和女主播聊天", "主");
            long childPid = Long.parseLong(first.group(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(childPid).map(h -> !h.isAlive()).orElse(true));
        }, 0.1, 0.5);
    }

    @Test
    void aDaemonProcessMayNotHaveChildren() throws InterruptedException {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess daemon = new ChildProcess(DaemonProcessTest::startAChild);
            daemon.setDaemon(true);
            daemon.start();
            daemon.join(Duration.ofSeconds(30));

            assertThat(daemon.exitcode()).isEqualTo(1);
            assertThat(console.err()).contains("daemonic processes are not allowed to have children");
            assertThatThrownBy(() -> daemon.setDaemon(false)).isInstanceOf(IllegalStateException.class);
        }
    }

    static void startAChild() {
        new ChildProcess(DaemonProcessTest::startAChild).start();
    }
}
