package dev.mp4j.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What happens to children when a real parent JVM ends: normally, or by kill -9. */
class ProcessTreeExitTest {

    /** A parent JVM: starts a daemon and/or a non-daemon child, prints their pids, then acts as told. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            String mode = args[0];
            ChildProcess sleeper = new ChildProcess(ProcessTreeExitTest::sleepThenPrint);
            sleeper.setDaemon(mode.equals("daemon"));
            sleeper.start();
            System.out.println("child " + sleeper.pid());
            System.out.flush();
            if (mode.equals("wait-for-kill")) {
                Thread.sleep(120_000);
            }
            System.out.println("main done");
        }
    }

    static void sleepThenPrint() throws InterruptedException {
        Time.sleep(Double.parseDouble(System.getProperty("mp4j.test.childSleep", "60")));
        System.out.println("child finished");
    }

    private record Run(java.lang.Process parent, long childPid, BufferedReader out) {
    }

    private static Run startParent(String mode, double childSleepSeconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmp4j.timeScale=1", "-Dmp4j.test.childSleep=" + childSleepSeconds,
                "-cp", System.getProperty("java.class.path"), Parent.class.getName(), mode));
        java.lang.Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertThat(first).startsWith("child ");
        return new Run(parent, Long.parseLong(first.substring("child ".length())), out);
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }

    @Test
    void childExitsSoonAfterItsParentIsKilledWithSigkill() throws Exception {
        Run run = startParent("wait-for-kill", 60);
        assertThat(alive(run.childPid())).isTrue();
        run.parent().destroyForcibly();
        run.parent().waitFor(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(3)).until(() -> !alive(run.childPid()));
    }

    @Test
    void daemonChildIsTerminatedWhenTheMainEnds() throws Exception {
        Run run = startParent("daemon", 60);
        assertThat(run.parent().waitFor(20, TimeUnit.SECONDS)).as("parent exits without waiting for its daemon").isTrue();
        assertThat(run.parent().exitValue()).isZero();
        await().atMost(Duration.ofSeconds(3)).until(() -> !alive(run.childPid()));
    }

    @Test
    void nonDaemonChildIsWaitedForBeforeTheParentExits() throws Exception {
        Run run = startParent("plain", 1.0);
        List<String> lines = run.out().lines().toList();
        assertThat(run.parent().waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).containsSubsequence("main done", "child finished");
        assertThat(run.parent().exitValue()).isZero();
    }
}
