package dev.mp4j.launcher.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ThreadLanesTest {

    @TempDir
    Path directory;

    @Test
    void everyThreadTheProgramStartsHasALaneFromItsStartToItsEndEvenWhenItPrintsNothing() throws Exception {
        RecordedRun.Result run = RecordedRun.of(RecordedSilentThreads.class, 0.05, directory, Duration.ofSeconds(90));
        assertThat(run.exitCode()).as(run.output()).isZero();
        Trace trace = run.trace();
        Map<String, Trace.Mark> lines = trace.lines().stream().collect(Collectors.toMap(Trace.Mark::name, Function.identity()));
        Trace.Span main = trace.spans("process").getFirst();

        List<Trace.Span> threads = trace.spans("thread");
        assertThat(threads).as("the launcher's and the JDK's threads have none").extracting(Trace.Span::lane)
                .containsExactlyInAnyOrder("Silent", "Sleeper");
        Trace.Span silent = threads.stream().filter(span -> span.lane().equals("Silent")).findFirst().orElseThrow();
        assertThat(silent.pid()).isEqualTo(main.pid());
        assertThat(silent.start()).isGreaterThan(lines.get("before the thread").time()).isGreaterThan(main.start());
        assertThat(silent.end()).isLessThan(lines.get("after the join").time());
        assertThat(silent.end() - silent.start()).as("it slept 50 ms").isGreaterThanOrEqualTo(0.05);
        assertThat(silent.endArgs()).isEmpty();

        Trace.Span sleeper = threads.stream().filter(span -> span.lane().equals("Sleeper")).findFirst().orElseThrow();
        assertThat(sleeper.start()).isGreaterThan(lines.get("after the join").time());
        assertThat(sleeper.endArgs()).containsEntry("ended", "still running at exit");
        assertThat(sleeper.end()).isGreaterThan(lines.get("the end").time()).isLessThanOrEqualTo(main.end());

        assertThat(Stream.concat(trace.spans().stream().map(Trace.Span::lane), trace.marks().stream().map(Trace.Mark::lane)))
                .noneMatch(lane -> lane.startsWith("mp4j-"));
    }

    @Test
    void theAgentsJarNamesItselfAsBootClassPathAndAPathThatCannotBeWrittenSaysSo() throws Exception {
        Path jar = ThreadLaneAgent.writeJar(directory.resolve("agent.jar"));
        try (JarFile written = new JarFile(jar.toFile())) {
            assertThat(written.getManifest().getMainAttributes().getValue("Boot-Class-Path")).isEqualTo("agent.jar");
            assertThat(written.getManifest().getMainAttributes().getValue("Premain-Class")).isEqualTo(ThreadLaneAgent.class.getName());
            assertThat(written.stream().map(JarEntry::getName)).contains("dev/mp4j/launcher/timeline/boot/ThreadHook.class")
                    .noneMatch(name -> name.endsWith("ThreadLaneAgent.class"));
        }

        Path unwritable = directory.resolve("no-such-folder").resolve("agent.jar");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ThreadLaneAgent.class.getName(), unwritable.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).startsWith("ThreadLaneAgent: cannot write the agent's JAR at " + unwritable + " (NoSuchFileException");
        assertThat(unwritable.getParent()).doesNotExist();
    }
}
