package dev.mp4j.asynciostyle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.timeline.RecordedRun;
import dev.mp4j.launcher.timeline.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the chapter's picture of A09 shows, proved by the recorded timeline. */
@Timeout(120)
class TimelineOfThreeTasksTest {

    private static final double SCALE = 0.1;

    @TempDir
    Path directory;

    @Test
    void threeTasksOverlapAndEndAfterOneTwoAndFourSeconds() throws Exception {
        RecordedRun.Result run = RecordedRun.of(ThreeTasksConcurrently.class, SCALE, directory, Duration.ofSeconds(90));
        assertThat(run.exitCode()).as(run.output()).isZero();

        List<Trace.Span> tasks = run.trace().spans("task").stream().filter(span -> span.name().equals("do_some_work")).toList();
        assertThat(tasks).hasSize(3).allSatisfy(task -> assertThat(task.endArgs()).containsEntry("state", "done"));
        for (Trace.Span task : tasks) {
            assertThat(tasks).allSatisfy(other -> assertThat(task.overlaps(other)).isTrue());
        }
        double created = tasks.stream().mapToDouble(Trace.Span::start).min().orElseThrow();
        double[] ends = tasks.stream().mapToDouble(task -> task.end() - created).toArray();
        assertThat(ends[0]).isGreaterThanOrEqualTo(0.95 * SCALE);
        assertThat(ends[1]).isGreaterThanOrEqualTo(0.95 * 2 * SCALE).isGreaterThan(ends[0]);
        assertThat(ends[2]).isGreaterThanOrEqualTo(0.95 * 4 * SCALE).isGreaterThan(ends[1]);
        assertThat(ends[2]).as("about 4 s in all, not the 7 s of running them in turn").isLessThan(7 * SCALE);

        // Each task prints on its own lane, in its first step; the steps on the loop never overlap.
        assertThat(run.trace().lines()).filteredOn(line -> line.name().startsWith("Waiting:"))
                .extracting(Trace.Mark::lane).containsExactly("Task-1 do_some_work", "Task-2 do_some_work", "Task-3 do_some_work");
        List<Trace.Span> steps = run.trace().spans("step");
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).start()).isGreaterThanOrEqualTo(steps.get(i - 1).end());
        }
    }
}
