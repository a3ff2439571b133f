package dev.mp4j.launcher.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class EndsNotSeenTest {

    @TempDir
    Path directory;

    @Test
    void aWorkerKilledInATaskAndADaemonChildStillDyingAtTheEndLeaveNoOpenSpan() throws Exception {
        RecordedRun.Result run = RecordedRun.of(RecordedEndsNotSeen.class, 0.05,
                List.of("-D" + Recorder.EXIT_WAIT_PROPERTY + "=300"), directory, Duration.ofSeconds(90));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("the worker died in its task").contains("the parent ends");
        Trace trace = run.trace();
        Trace.Span main = trace.spans("process").getFirst();

        // The worker's task began and never ended in the worker: it ends where the worker's process does.
        Trace.Span task = trace.spans("pool").stream().filter(span -> span.name().startsWith("task")).findFirst().orElseThrow();
        Trace.Span worker = trace.spans("process").stream().filter(span -> span.pid() == task.pid()).findFirst().orElseThrow();
        assertThat(worker.endArgs()).containsEntry("exitcode", -9.0);
        assertThat(task.endArgs()).containsEntry("ended", "at its process's exit");
        assertThat(task.end()).isGreaterThan(task.start()).isCloseTo(worker.end(), org.assertj.core.api.Assertions.within(0.01));

        // The daemon child's exit came after the recording stopped waiting: it ends with its parent.
        Trace.Span slowToDie = trace.spans("process").stream().filter(span -> span.name().equals("SlowToDie")).findFirst().orElseThrow();
        assertThat(slowToDie.endArgs()).containsEntry("ended", "still running at its parent's exit").doesNotContainKey("exitcode");
        assertThat(slowToDie.end()).isGreaterThan(slowToDie.start()).isLessThanOrEqualTo(main.end());
        assertThat(slowToDie.end()).isGreaterThan(trace.lines().getLast().time());
    }
}
