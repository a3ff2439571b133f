package dev.mp4j.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.timeline.RecordedRun;
import dev.mp4j.launcher.timeline.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the chapter's picture of L03 shows: the two threads print nothing, yet each has its lane. */
@Timeout(120)
class TimelineOfTwoSilentThreadsTest {

    @TempDir
    Path directory;

    @Test
    void bothThreadsHaveALaneThatEndsBeforeTheBalanceIsPrinted() throws Exception {
        RecordedRun.Result run = RecordedRun.of(AccountBalanceWithLock.class, 1.0, directory, Duration.ofSeconds(90));
        assertThat(run.exitCode()).as(run.output()).isZero();
        Trace trace = run.trace();
        Trace.Span main = trace.spans("process").getFirst();
        Trace.Mark balance = trace.lines().getLast();
        assertThat(balance.name()).isEqualTo("The final balance is: 0");

        List<Trace.Span> threads = trace.spans("thread");
        assertThat(threads).extracting(Trace.Span::lane).containsExactly("Add", "Delete");
        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.pid()).isEqualTo(main.pid());
            assertThat(thread.start()).isGreaterThan(main.start());
            assertThat(thread.end()).isGreaterThan(thread.start()).isLessThan(balance.time());
        });
        assertThat(trace.lines()).as("the threads print nothing").extracting(Trace.Mark::lane).containsOnly("MainProcess");
    }
}
