package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.timeline.RecordedRun;
import dev.mp4j.launcher.timeline.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the chapter's picture of C01 shows, proved by the recorded timeline. */
@Timeout(120)
class TimelineOfGreenletSwitchingTest {

    @TempDir
    Path directory;

    @Test
    void controlAlternatesBetweenTheTwoGreenletsAndEachPrintsWhileItRuns() throws Exception {
        RecordedRun.Result run = RecordedRun.of(GreenletSwitching.class, 0.05, directory, Duration.ofSeconds(90));
        assertThat(run.exitCode()).as(run.output()).isZero();

        List<Trace.Span> running = run.trace().spans("greenlet").stream()
                .filter(span -> span.lane().startsWith("greenlet-")).toList();
        assertThat(running).extracting(Trace.Span::lane).startsWith("greenlet-1", "greenlet-2", "greenlet-1", "greenlet-2");
        List<Trace.Mark> lines = run.trace().lines();
        assertThat(lines).extracting(Trace.Mark::name).containsExactly("12", "56", "34", "78");
        for (int i = 0; i < 4; i++) {
            Trace.Span turn = running.get(i);
            Trace.Mark line = lines.get(i);
            assertThat(line.lane()).isEqualTo(turn.lane());
            assertThat(line.time()).as("%s printed during turn %d", line.name(), i).isBetween(turn.start(), turn.end());
        }
        for (int i = 1; i < running.size(); i++) {
            assertThat(running.get(i).start()).as("one greenlet runs at a time").isGreaterThanOrEqualTo(running.get(i - 1).end());
        }
        assertThat(Stream.of(running.get(0), running.get(2)).map(Trace.Span::lane).distinct()).hasSize(1);
    }
}
