package dev.mp4j.launcher.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class TimelineTest {

    @TempDir
    Path directory;

    @Test
    void recordsEveryProcessWithItsExitAndEveryLineWhereItWasPrinted() throws Exception {
        RecordedRun.Result run = RecordedRun.of(RecordedProgram.class, 0.05, directory, Duration.ofSeconds(90));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("mp4j-timeline").contains("half a line, then the rest\n");
        assertThat(Files.readString(run.file(), StandardCharsets.UTF_8).strip()).startsWith("[").endsWith("]");

        List<Trace.Span> processes = run.trace().spans("process");
        assertThat(processes).extracting(Trace.Span::name).containsExactly("MainProcess", "Process-1", "Process-2");
        Trace.Span main = processes.get(0);
        Trace.Span exitsWithThree = processes.get(1);
        Trace.Span killed = processes.get(2);
        assertThat(exitsWithThree.endArgs()).containsEntry("exitcode", 3.0);
        assertThat(exitsWithThree.beginArgs()).containsEntry("parent", (double) main.pid()).containsEntry("daemon", false);
        assertThat(killed.endArgs()).containsEntry("exitcode", -9.0);
        assertThat(exitsWithThree.end()).isLessThanOrEqualTo(killed.start());
        assertThat(main.start()).isLessThan(exitsWithThree.start());
        assertThat(main.end()).isGreaterThanOrEqualTo(killed.end());

        // Each line once, on the lane of the process that printed it, inside that process's span.
        List<Trace.Mark> lines = run.trace().lines();
        assertThat(lines).extracting(Trace.Mark::name).containsExactly(
                "parent begins", "child exits with 3", "said on stderr", "half a line, then the rest", "parent ends");
        assertThat(lines).extracting(Trace.Mark::lane)
                .containsExactly("MainProcess", "Process-1", "Process-1", "Process-2", "MainProcess");
        assertThat(lines.get(2).args()).containsEntry("stream", "err");
        Trace.Mark lastWordsOfTheKilled = lines.get(3);
        assertThat(lastWordsOfTheKilled.pid()).isEqualTo(killed.pid());
        assertThat(lastWordsOfTheKilled.time()).isBetween(killed.start(), killed.end());
    }

    @Test
    void aPathThatCannotBeWrittenStopsTheRunBeforeItBegins() throws Exception {
        Path unwritable = directory.resolve("no-such-folder").resolve("run.json");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + Timeline.PROPERTY + "=" + unwritable,
                RecordedMain.class.getName(), RecordedProgram.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("-Dmp4j.timeline=" + unwritable + ": cannot write the timeline there")
                .doesNotContain("parent begins");
        assertThat(unwritable).doesNotExist();
    }

    @Test
    void aTraceWhoseRunWasKilledReadsWithoutItsClosingBracket() {
        Trace trace = Trace.parse("""
                [
                {"ph":"M","name":"process_name","pid":7,"tid":0,"args":{"name":"MainProcess"}},
                {"ph":"B","cat":"process","name":"MainProcess","pid":7,"tid":1,"ts":1000.5},
                {"ph":"i","cat":"print","name":"said \\"hi\\"","pid":7,"tid":1,"ts":1500000.5,"s":"t"},
                """);
        assertThat(trace.lines()).extracting(Trace.Mark::name, Trace.Mark::process).containsExactly(
                org.assertj.core.groups.Tuple.tuple("said \"hi\"", "MainProcess"));
        assertThat(trace.spans("process")).singleElement()
                .satisfies(span -> assertThat(span.end()).as("ends at the last event").isCloseTo(1.499, org.assertj.core.api.Assertions.within(1e-9)));
    }
}
