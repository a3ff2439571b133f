package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Queue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What spawning leaves behind, seen from real parent JVMs: nothing in the temporary directory after a
 * SIGKILL, no "could not open" from a spare still booting when its parent exits, and the AOT cache
 * serving a parent that runs from class directories.
 */
@Timeout(300)
class SpawnCleanupTest {

    /** A parent JVM. {@code burst-then-exit}: two quick starts (the second boots spares), then exit. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            switch (args[0]) {
                case "burst-then-exit" -> {
                    for (int i = 0; i < 3; i++) {
                        new ChildProcess(Parent::noop).start();
                    }
                    System.out.println("started");
                }
                case "wait-for-kill" -> {
                    ChildProcess child = new ChildProcess(Parent::noop);
                    child.start();
                    child.join();
                    System.out.println("started");
                    System.out.flush();
                    Thread.sleep(120_000);
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }

        static void noop() {
        }
    }

    private static java.lang.Process startParent(String mode) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Parent.class.getName(), mode)
                .redirectErrorStream(true).start();
    }

    private static Set<String> tempEntries() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mp4j-child-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void aParentExitingWhileSparesBootPrintsNothingAboutArgumentFiles() throws Exception {
        for (int run = 0; run < 5; run++) {
            java.lang.Process parent = startParent("burst-then-exit");
            String output = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).isEqualTo("started" + System.lineSeparator());
            assertThat(parent.exitValue()).isZero();
        }
    }

    @Test
    void aParentKilledWithSigkillLeavesNoArgumentFileBehind() throws Exception {
        Set<String> before = tempEntries();
        java.lang.Process parent = startParent("wait-for-kill");
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("started");
        parent.destroyForcibly();
        assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tempEntries()).isSubsetOf(before);
    }

    @Test
    void theSameCommandLineIsOneSharedArgumentFile() throws Exception {
        Path first = ArgFile.of(List.of("-Dx=1", "-cp", "a b", "Main"));
        Path second = ArgFile.of(List.of("-Dx=1", "-cp", "a b", "Main"));
        assertThat(second).isEqualTo(first);
        assertThat(first.getParent()).isEqualTo(CacheDirectory.get());
        assertThat(Files.readAllLines(first)).containsExactly("\"-Dx=1\"", "\"-cp\"", "\"a b\"", "\"Main\"");
        assertThat(ArgFile.of(List.of("-Dx=2", "Main"))).isNotEqualTo(first);
    }

    @Test
    void childrenOfAParentOnClassDirectoriesGetTheAotCacheOnceTrained() throws Exception {
        assertThat(System.getProperty("java.class.path")).contains("classes");
        Queue<String> report = new Queue<>();
        // The first start finds no cache unless an earlier run trained it; training runs in the background.
        String[] seen = new String[2];
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            startReporting(report);
            seen[0] = report.get(true, 60);
            seen[1] = report.get(true, 60);
            return seen[1].contains("-XX:AOTCache=");
        });
        assertThat(seen[0]).contains("mp4j-aot-").endsWith(".jar");
    }

    private static void startReporting(Queue<String> report) throws InterruptedException {
        ChildProcess child = new ChildProcess(() -> {
            report.put(String.valueOf(LauncherJar.origin()));
            report.put(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        });
        child.start();
        child.join(Duration.ofSeconds(60));
        assertThat(child.exitcode()).isZero();
    }
}
