package dev.mp4j.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a repository script under bash, from the root: its exit code and what it printed. */
record ScriptRun(int exitCode, String out, String err) {

    private static final long TIMEOUT_SECONDS = 60;

    static ScriptRun of(String script, List<String> arguments) {
        return of(script, arguments, Map.of());
    }

    /** Runs {@code bash script arguments...}; {@code environment} entries with a null value are removed. */
    static ScriptRun of(String script, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(arguments);
        try {
            Path out = Files.createTempFile("script-out", ".txt");
            Path err = Files.createTempFile("script-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.ROOT.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                environment.forEach((name, value) -> {
                    if (value == null) {
                        builder.environment().remove(name);
                    } else {
                        builder.environment().put(name, value);
                    }
                });
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(command + " did not end within " + TIMEOUT_SECONDS + " s");
                }
                return new ScriptRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** The values of the {@code key=value} lines printed by {@code ./run --dry-run}, for one key. */
    List<String> values(String key) {
        return out.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1)).toList();
    }
}
