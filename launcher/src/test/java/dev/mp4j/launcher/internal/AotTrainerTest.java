package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run, as {@link AotCache} launches it: every step of the child's work gives the expected
 * answer, so the cache is written, and a JVM with the children's flags starts from it. A training that
 * fails is silent in use (children start without a cache), so only this test sees it.
 */
@Timeout(240)
class AotTrainerTest {

    @TempDir
    Path dir;

    @Test
    void aTrainingRunWritesBothCachesThatAChildsJvmStartsFrom() throws Exception {
        Path jar = dir.resolve("launcher.jar");
        LauncherJar.copy(LauncherJar.origin(), jar);
        Path cache = dir.resolve("child-test.aot");
        List<String> flags = Spawner.childJvmFlags();

        List<String> train = new ArrayList<>(List.of(Spawner.javaExecutable()));
        train.addAll(flags);
        train.addAll(List.of("-Dmp4j.spare=false", "-Dmp4j.aot=false", "-cp", jar.toString(),
                AotTrainer.class.getName(), cache.toString()));
        assertThat(exitOf(train, 200)).as("the trainer's exit code").isZero();
        Path plain = AotCache.plainOf(cache);
        assertThat(cache).isRegularFile();
        assertThat(plain).isRegularFile();
        assertThat(Files.size(plain)).isGreaterThan(1_000_000);
        assertThat(Files.size(plain)).as("the plain cache holds less").isLessThan(Files.size(cache));
        assertThat(AotCache.failureMarker(cache)).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

        // AOTMode=on: the JVM refuses to start when it cannot use the cache. With nothing on its standard
        // input, a child's main finds no payload and ends at once, with 0.
        for (Path each : List.of(cache, plain)) {
            List<String> use = new ArrayList<>(List.of(Spawner.javaExecutable()));
            use.addAll(flags);
            use.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + each, "-cp", jar.toString(), ChildMain.class.getName()));
            assertThat(exitOf(use, 60)).as("a JVM started from " + each).isZero();
        }
    }

    private static int exitOf(List<String> command, long seconds) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after " + seconds + " s: " + command);
        }
        return process.exitValue();
    }
}
