package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    /**
     * The JVM must really exit, so the main runs apart, with the article's real 2 s sleeps (scale 2 for
     * margin): had the JVM waited for the threads, their 结果 lines would appear.
     */
    @Test
    void theProgramEndsWithoutWaitingForItsDaemonThreads() throws Exception {
        SeparateJvm.Result run = SeparateJvm.run(DaemonThreads.class, 2.0, Duration.ofSeconds(60));
        List<String> lines = run.texts();

        assertThat(run.exitCode()).isZero();
        assertThat(lines.getFirst()).isEqualTo("这是主线程:MainThread");
        assertThat(lines).filteredOn(l -> l.startsWith("总共用时")).singleElement()
                .satisfies(total -> assertThat(SequentialBaselineTest.seconds(total)).isLessThan(2.0)); // half a sleep
        // each daemon thread may or may not have printed its first line before the exit (a race, as in Python)
        List<String> started = lines.stream().filter(l -> l.startsWith("当子线程: ")).toList();
        assertThat(started).doesNotHaveDuplicates()
                .allMatch(l -> l.matches("当子线程: Thread-[1-5]"));
        assertThat(lines).hasSize(2 + started.size());
        assertThat(lines).noneMatch(l -> l.startsWith("结果"));
    }
}
