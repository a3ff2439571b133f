package dev.mp4j.pool;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** O01: {@link CallbackRunsInParent} — three workers, ten tasks, callbacks in the parent, close/join. */
class CallbackRunsInParentTest {

    private static final long PARENT = ProcessHandle.current().pid();

    @Test
    void tenTasksRunAtMostThreeAtATimeAndEveryCallbackPrintsTheParentPid() throws Exception {
        List<String> lines;
        long start = System.nanoTime();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            CallbackRunsInParent.run(true);
            lines = console.outLines();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(lines).startsWith("主进程 " + PARENT);
        List<String> done = lines.stream().filter(l -> l.startsWith("-->exec done: ")).toList();
        assertThat(lines.indexOf("end")).isLessThan(lines.indexOf(done.getFirst()));
        assertThat(done).hasSize(10).allMatch(l -> l.endsWith(" " + PARENT));
        assertThat(done.stream().map(l -> Integer.parseInt(l.split(" ")[2])))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(100, 110).boxed().toList());

        List<Long> workers = lines.stream().filter(l -> l.startsWith("in process "))
                .map(l -> Long.parseLong(l.substring("in process ".length()))).toList();
        assertThat(workers).hasSize(10).doesNotContain(PARENT);
        assertThat(workers.stream().distinct()).as("a pool of three").hasSizeLessThanOrEqualTo(3);
        // at most three at a time: ten 2-second tasks need at least four waves
        assertThat(elapsed).isGreaterThan(Time.scaled(2).multipliedBy(4).multipliedBy(9).dividedBy(10));
    }

    @Test
    void withoutCloseAndJoinTheProgramEndsAndTheWorkIsLost() throws Exception {
        ChildProcess program = new ChildProcess(() -> CallbackRunsInParent.run(false), "O01-without-join");
        List<String> lines;
        // the article's 2 s per task, unscaled: the program is gone long before the first task could finish
        String scale = System.setProperty(Time.SCALE_PROPERTY, "1.0");
        try (ConsoleCapture console = ConsoleCapture.start()) {
            program.start();
            program.join(60);
            lines = console.outLines();
        } finally {
            System.setProperty(Time.SCALE_PROPERTY, scale);
        }
        assertThat(program.exitcode()).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("主进程 ")).contains("end");
        assertThat(lines).as("the workers ended with the program: no task finished, no callback ran")
                .noneMatch(l -> l.startsWith("in process ") || l.startsWith("-->exec done: "));
    }
}
