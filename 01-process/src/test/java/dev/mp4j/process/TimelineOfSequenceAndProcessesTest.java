package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.timeline.RecordedRun;
import dev.mp4j.launcher.timeline.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the chapter's pictures of P14 and P15 show, proved by the recorded timeline. */
@Timeout(180)
class TimelineOfSequenceAndProcessesTest {

    private static final double SCALE = 0.1;
    private static final double TASK_SECONDS = 2 * SCALE;

    @TempDir
    Path directory;

    /** A task as its lines show it: from its first line to the next result line on the same lane. */
    record Interval(String lane, double start, double end) {
        boolean overlaps(Interval other) {
            return start < other.end && other.start < end;
        }
    }

    static List<Interval> tasks(Trace trace, String startPrefix) {
        List<Interval> tasks = new ArrayList<>();
        List<Trace.Mark> lines = trace.lines();
        for (int i = 0; i < lines.size(); i++) {
            Trace.Mark begin = lines.get(i);
            if (begin.name().startsWith(startPrefix)) {
                lines.subList(i + 1, lines.size()).stream()
                        .filter(end -> end.pid() == begin.pid() && end.lane().equals(begin.lane()) && end.name().startsWith("结果:"))
                        .findFirst()
                        .ifPresent(end -> tasks.add(new Interval(begin.lane(), begin.time(), end.time())));
            }
        }
        return tasks;
    }

    @Test
    void theBaselineRunsItsTwoTasksOneAfterTheOtherInOneProcess() throws Exception {
        RecordedRun.Result run = RecordedRun.of(SequentialBaseline.class, SCALE, directory, Duration.ofSeconds(120));
        assertThat(run.exitCode()).as(run.output()).isZero();

        assertThat(run.trace().spans("process")).extracting(Trace.Span::name).containsExactly("MainProcess");
        List<Interval> tasks = tasks(run.trace(), "当前进程:");
        assertThat(tasks).hasSize(2).allSatisfy(task -> assertThat(task.lane()).isEqualTo("MainProcess"));
        assertThat(tasks.get(0).overlaps(tasks.get(1))).as("P14's tasks overlap: %s", tasks).isFalse();
        assertThat(tasks.get(1).start()).isGreaterThanOrEqualTo(tasks.get(0).end());
        assertThat(tasks).allSatisfy(task -> assertThat(task.end() - task.start()).isGreaterThanOrEqualTo(0.95 * TASK_SECONDS));
    }

    @Test
    void twoChildProcessesRunAtTheSameTime() throws Exception {
        RecordedRun.Result run = RecordedRun.of(TwoProcessesInParallel.class, SCALE, directory, Duration.ofSeconds(120));
        assertThat(run.exitCode()).as(run.output()).isZero();

        List<Trace.Span> children = run.trace().spans("process").stream().filter(span -> !span.name().equals("MainProcess")).toList();
        assertThat(children).extracting(Trace.Span::name).containsExactly("Process-1", "Process-2");
        assertThat(children.get(0).overlaps(children.get(1))).as("P15's processes overlap: %s", children).isTrue();
        assertThat(children).allSatisfy(child -> assertThat(child.endArgs()).containsEntry("exitcode", 0.0));

        List<Interval> tasks = tasks(run.trace(), "子进程:");
        assertThat(tasks).extracting(Interval::lane).containsExactlyInAnyOrder("Process-1", "Process-2");
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.end() - task.start()).isGreaterThanOrEqualTo(0.95 * TASK_SECONDS);
            Trace.Span own = children.stream().filter(child -> child.name().equals(task.lane())).findFirst().orElseThrow();
            assertThat(task.start()).isBetween(own.start(), own.end());
        });
    }
}
