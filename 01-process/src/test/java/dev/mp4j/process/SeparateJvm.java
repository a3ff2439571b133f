package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example's main in a JVM of its own, for behaviour that needs the main JVM to really exit
 * (daemon threads and daemon children dying with it). Records each output line with the time it
 * arrived, and the time the JVM ended.
 */
final class SeparateJvm {

    record Line(String text, long nanos) {
    }

    record Result(List<Line> lines, int exitCode, long exitNanos) {

        List<String> texts() {
            return lines.stream().map(Line::text).toList();
        }

        Line first(String prefix) {
            return lines.stream().filter(l -> l.text().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in " + texts()));
        }
    }

    private SeparateJvm() {
    }

    static Result run(Class<?> main, double timeScale, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dmp4j.timeScale=" + timeScale,
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                main.getName())
                .redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        List<Line> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(new Line(line, System.nanoTime()));
                }
            } catch (IOException ignored) {
                // the JVM is gone; what it printed has been read
            }
        });
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long exited = System.nanoTime();
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join(Duration.ofSeconds(10));
        assertThat(ended).as(main.getSimpleName() + " still running after " + timeout + ", printed " + lines).isTrue();
        synchronized (lines) {
            return new Result(List.copyOf(lines), process.exitValue(), exited);
        }
    }
}
