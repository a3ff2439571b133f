package dev.mp4j.launcher.timeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example's main in a JVM of its own with the timeline on ({@link RecordedMain} and the
 * {@link ThreadLaneAgent}, as {@code ./run --timeline} does), and reads back what it recorded. For tests of every chapter.
 */
public final class RecordedRun {

    /** What the run printed, how it ended, and its timeline. */
    public record Result(int exitCode, String output, Path file, Trace trace) {
    }

    private RecordedRun() {
    }

    public static Result of(Class<?> main, double timeScale, Path directory, Duration timeout, String... args)
            throws IOException, InterruptedException {
        return of(main, timeScale, List.of(), directory, timeout, args);
    }

    /** The same, with more options for the JVM ({@code -Dname=value}). */
    public static Result of(Class<?> main, double timeScale, List<String> jvmOptions, Path directory, Duration timeout,
                            String... args) throws IOException, InterruptedException {
        Path file = directory.resolve(main.getSimpleName() + ".json");
        Path agent = ThreadLaneAgent.writeJar(directory.resolve("timeline-agent.jar"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent,
                "-cp", System.getProperty("java.class.path"),
                "-D" + Timeline.PROPERTY + "=" + file,
                "-Dmp4j.timeScale=" + timeScale,
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
        command.addAll(jvmOptions);
        command.addAll(List.of(RecordedMain.class.getName(), main.getName()));
        command.addAll(List.of(args));
        Path output = directory.resolve(main.getSimpleName() + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(main.getSimpleName() + " still running after " + timeout + "; printed:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), file, Trace.read(file));
    }
}
