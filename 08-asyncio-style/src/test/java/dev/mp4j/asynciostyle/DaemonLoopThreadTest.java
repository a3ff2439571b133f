package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.support.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedRedis.class)
class DaemonLoopThreadTest {

    @Test
    void afterCtrlCTheMainThreadEndsWhileTheDaemonLoopThreadStillRuns(LocalRedis redis) throws Exception {
        EventLoop newLoop = Asyncio.newEventLoop();
        Thread[] loopThread = new Thread[1];
        Stdout.pressWhenPrinted(3, Thread.currentThread()::interrupt);   // Ctrl+C while the 5 s job runs
        List<String> lines = Stdout.captureOnceAtScale(0.3,
                () -> loopThread[0] = DaemonLoopThread.run(newLoop, redis, -1, DaemonLoopThread.SCRIPT));
        try {
            // "Done 1" and "Waiting  5" fall due at the same instant by construction (the 1 s job ends as
            // the main thread's 1 s nap does, after which it takes the 5): only the rest has an order.
            assertThat(lines).hasSize(4);
            assertThat(lines.getFirst()).isEqualTo("Waiting  1");
            assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder("Waiting  5", "Done 1");
            assertThat(lines.getLast()).isEmpty();
            assertThat(loopThread[0].isDaemon()).isTrue();
            assertThat(loopThread[0].isAlive()).isTrue();       // stop() from the main thread did not end it
            assertThat(newLoop.allTasks()).hasSize(1);          // the 5 s job, abandoned mid-flight
        } finally {
            newLoop.callSoonThreadsafe(newLoop::stop);
            loopThread[0].join(10_000);
        }
    }

    @Test
    void asAProgramItExitsByItselfAfterCtrlC() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        java.lang.Process child = new ProcessBuilder(java.toString(),
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + classesOfThisModule(),
                "-Dmp4j.timeScale=1", DaemonLoopThread.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            boolean exited = child.waitFor(90, TimeUnit.SECONDS);
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(exited).as("exited by itself; output:%n%s", output).isTrue();
            assertThat(child.exitValue()).isZero();
            assertThat(output).contains("Waiting  1").doesNotContain("Done 5");
        } finally {
            child.destroyForcibly();
        }
    }

    private static String classesOfThisModule() throws Exception {
        return Path.of(DaemonLoopThread.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
