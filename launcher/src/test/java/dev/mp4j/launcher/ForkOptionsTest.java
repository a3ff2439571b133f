package dev.mp4j.launcher;

import dev.mp4j.launcher.pool.Pool;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-child settings, each seen by a real child JVM; misuse fails in start() with the JVM's own words. */
@Timeout(60)
class ForkOptionsTest {

    private static final long MIB = 1024 * 1024;

    /** Runs {@code report} in a child started with {@code options} and returns what it put. */
    private static String inChild(ForkOptions options, Report report) throws InterruptedException {
        Queue<String> answer = new Queue<>();
        ChildProcess child = new ChildProcess(() -> answer.put(report.value()));
        child.setForkOptions(options);
        child.start();
        String value = answer.get(true, 30);
        Processes.joinOk(child);
        return value;
    }

    @FunctionalInterface
    interface Report extends java.io.Serializable {
        String value() throws Exception;
    }

    @Test
    void aSystemPropertyReachesTheTarget() throws Exception {
        ForkOptions options = ForkOptions.builder().systemProperty("fork.test.mode", "batch 1").build();
        assertThat(inChild(options, () -> System.getProperty("fork.test.mode"))).isEqualTo("batch 1");
    }

    @Test
    void anEnvironmentVariableReachesTheTarget() throws Exception {
        ForkOptions options = ForkOptions.builder().environment("MP4J_FORK_TEST", "été").build();
        assertThat(inChild(options, () -> System.getenv("MP4J_FORK_TEST"))).isEqualTo("été");
        assertThat(inChild(options, () -> System.getenv("PATH"))).isEqualTo(System.getenv("PATH"));
    }

    @Test
    void theChildRunsInTheWorkingDirectoryGiven(@TempDir Path directory) throws Exception {
        ForkOptions options = ForkOptions.builder().workingDirectory(directory).build();
        String seen = inChild(options, () -> Path.of("").toAbsolutePath().toRealPath().toString());
        assertThat(seen).isEqualTo(directory.toRealPath().toString());
    }

    @Test
    void aChildStartsOnASmallHeapThatAUsersSmallerLimitStillBounds() throws Exception {
        Report heap = () -> Runtime.getRuntime().totalMemory() + " " + Runtime.getRuntime().maxMemory();
        long[] usual = sizes(inChild(ForkOptions.DEFAULT, heap));
        assertThat(usual[0] * 32).as("initial heap x 32 against the limit (the JVM's default is 1/16)")
                .isLessThan(usual[1]);
        long[] limited = sizes(inChild(ForkOptions.builder().jvmArgs("-Xmx16m").build(), heap));
        assertThat(limited[1]).isLessThanOrEqualTo(16 * MIB);
        assertThat(limited[0]).isLessThanOrEqualTo(limited[1]);
    }

    private static long[] sizes(String pair) {
        String[] parts = pair.split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    @Test
    void aHeapLimitIsWhatTheChildsRuntimeReports() throws Exception {
        long limited = Long.parseLong(inChild(ForkOptions.builder().jvmArgs("-Xmx48m").build(),
                () -> Long.toString(Runtime.getRuntime().maxMemory())));
        long unlimited = Long.parseLong(inChild(ForkOptions.DEFAULT, () -> Long.toString(Runtime.getRuntime().maxMemory())));
        assertThat(limited).isBetween(40 * MIB, 48 * MIB);
        assertThat(unlimited).isGreaterThan(48 * MIB);
    }

    @Test
    void anOptionTheJvmRefusesFailsStartWithTheJvmsMessage() {
        ChildProcess child = new ChildProcess(() -> System.out.println("never"), "refused");
        child.setForkOptions(ForkOptions.builder().jvmArgs("-XX:+NoSuchOptionAnywhere").build());
        assertThatThrownBy(child::start)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not start refused")
                .hasMessageContaining("exited with code 1 before it started")
                .hasMessageContaining("Unrecognized VM option 'NoSuchOptionAnywhere'");
        assertThat(child.pid()).isNull();

        ChildProcess tooSmall = new ChildProcess(() -> System.out.println("never"));
        tooSmall.setForkOptions(ForkOptions.builder().jvmArgs("-Xmx1k").build());
        assertThatThrownBy(tooSmall::start).hasMessageContaining("Too small maximum heap");
    }

    @Test
    void aMissingWorkingDirectoryFailsStart(@TempDir Path parent) {
        Path missing = parent.resolve("gone");
        ChildProcess child = new ChildProcess(() -> System.out.println("never"), "nowhere");
        child.setForkOptions(ForkOptions.builder().workingDirectory(missing).build());
        assertThatThrownBy(child::start)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not start nowhere")
                .hasMessageContaining(missing.toString());
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void defaultsAreUnchangedAndOptionsAreSetBeforeStartOnly() throws Exception {
        ChildProcess child = new ChildProcess(() -> { });
        assertThat(child.forkOptions()).isSameAs(ForkOptions.DEFAULT);
        assertThat(ForkOptions.DEFAULT.isDefault()).isTrue();
        assertThat(ForkOptions.builder().environment("A", "b").build().isDefault()).isFalse();
        child.start();
        assertThatThrownBy(() -> child.setForkOptions(ForkOptions.DEFAULT)).hasMessage("process has already started");
        Processes.joinOk(child);
    }

    @Test
    void theBuilderRefusesWhatIsNotAJvmOption() {
        assertThatThrownBy(() -> ForkOptions.builder().jvmArgs("Xmx64m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a JVM option starts with '-': 'Xmx64m'");
        assertThatThrownBy(() -> ForkOptions.builder().jvmArgs("-cp", "/tmp"))
                .hasMessage("the launcher sets the class path and main class itself: '-cp'");
        assertThatThrownBy(() -> ForkOptions.builder().environment("A=B", "c"))
                .hasMessage("not an environment variable name: 'A=B'");
        assertThatThrownBy(() -> ForkOptions.builder().debugPort(70_000)).hasMessage("not a port: 70000");
    }

    @Test
    void aPoolStartsEveryWorkerWithItsOptions() throws Exception {
        ForkOptions options = ForkOptions.builder().systemProperty("fork.test.pool", "on").jvmArgs("-Xmx40m").build();
        Pool pool = Pool.builder().processes(2).forkOptions(options).build();
        try {
            List<String> seen = pool.map(i -> System.getProperty("fork.test.pool") + " "
                    + (Runtime.getRuntime().maxMemory() <= 40 * MIB), List.of(1, 2, 3, 4), 1);
            assertThat(seen).containsOnly("on true").hasSize(4);
        } finally {
            pool.terminate();
            pool.join();
        }
    }

    @Test
    void aPoolWhoseWorkersRefuseTheirOptionsFailsAtConstruction() {
        ForkOptions refused = ForkOptions.builder().jvmArgs("-XX:+NoSuchOptionAnywhere").build();
        assertThatThrownBy(() -> Pool.builder().processes(2).forkOptions(refused).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start a pool worker")
                .hasMessageContaining("Unrecognized VM option 'NoSuchOptionAnywhere'");
    }
}
