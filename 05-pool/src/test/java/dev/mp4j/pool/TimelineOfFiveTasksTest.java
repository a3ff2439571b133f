package dev.mp4j.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.timeline.RecordedRun;
import dev.mp4j.launcher.timeline.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the chapter's picture of O04 shows, proved by the recorded timeline: two waves on four workers. */
@Timeout(180)
class TimelineOfFiveTasksTest {

    @TempDir
    Path directory;

    @Test
    void fiveTasksOnFourWorkersRunInTwoWaves() throws Exception {
        RecordedRun.Result run = RecordedRun.of(FiveTasksOnFourWorkers.class, 0.1, directory, Duration.ofSeconds(150));
        assertThat(run.exitCode()).as(run.output()).isZero();

        List<Trace.Span> tasks = run.trace().spans("pool");
        assertThat(tasks).hasSize(5);
        List<Trace.Span> firstWave = tasks.subList(0, 4);
        Trace.Span fifth = tasks.get(4);
        assertThat(firstWave).extracting(Trace.Span::pid).as("one task per worker").doesNotHaveDuplicates();
        assertThat(firstWave).extracting(Trace.Span::process).allMatch(name -> name.startsWith("PoolWorker-"));
        for (Trace.Span task : firstWave) {
            assertThat(firstWave).allSatisfy(other -> assertThat(task.overlaps(other)).as("%s with %s", task, other).isTrue());
        }
        double firstFree = firstWave.stream().mapToDouble(Trace.Span::end).min().orElseThrow();
        assertThat(fifth.start()).as("the fifth waits for a free worker").isGreaterThanOrEqualTo(firstFree);
        Trace.Span freed = firstWave.stream().filter(task -> task.pid() == fifth.pid()).findFirst().orElseThrow();
        assertThat(fifth.start()).as("on the worker that finished").isGreaterThanOrEqualTo(freed.end());
    }
}
