package dev.mp4j.launcher;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A hung child is diagnosable: its thread dump on the parent's console, by hand or when a test fails. */
@Timeout(90)
class ThreadDumpTest {

    static void hangHere(Queue<String> started) throws InterruptedException {
        started.put("hanging");
        while (true) {
            Thread.sleep(1_000);
        }
    }

    private static ChildProcess startHungChild(String name) {
        Queue<String> started = new Queue<>();
        ChildProcess child = new ChildProcess(() -> hangHere(started), name);
        child.start();
        assertThat(started.get(true, 30)).isEqualTo("hanging");
        return child;
    }

    private static void stop(ChildProcess child) throws InterruptedException {
        child.kill();
        child.join(Duration.ofSeconds(30));
    }

    @Test
    void theDumpShowsWhereTheChildsThreadsAre() throws Exception {
        ChildProcess child = startHungChild("Sleeper");
        try {
            String dump = child.threadDump();
            assertThat(dump).startsWith(child.pid() + ":").contains("Full thread dump")
                    .contains("\"MainThread\"").contains("ThreadDumpTest.hangHere");
        } finally {
            stop(child);
        }
    }

    @Test
    void printThreadDumpWritesItToTheParentsConsole() throws Exception {
        ChildProcess child = startHungChild("Printed");
        try (ConsoleCapture console = ConsoleCapture.start()) {
            child.printThreadDump();
            assertThat(console.err()).contains("Thread dump of Printed (pid " + child.pid() + "):")
                    .contains("ThreadDumpTest.hangHere");
        } finally {
            stop(child);
        }
    }

    @Test
    void aProcessNotRunningHasNoThreadDump() throws Exception {
        ChildProcess child = new ChildProcess(() -> { }, "Quick");
        assertThatThrownBy(child::threadDump).hasMessage("can only take a thread dump of a started process");
        child.start();
        Processes.joinOk(child);
        assertThatThrownBy(child::threadDump).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jcmd could not take a thread dump of Quick (pid " + child.pid());
    }

    @Test
    void theExtensionDumpsLiveChildrenWhenATestTimesOut() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AHungChildTimesOut.class)).execute();
            results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
            assertThat(console.err()).contains("live child process(es) when waitsForAHungChild() failed")
                    .contains("Thread dump of Hung (pid").contains("ThreadDumpTest.hangHere");
        } finally {
            if (AHungChildTimesOut.child != null) {
                stop(AHungChildTimesOut.child);
            }
        }
    }

    /** Run by the test above through the engine, not by Surefire: its child hangs and its join times out. */
    @ExtendWith(DumpChildrenOnFailure.class)
    static class AHungChildTimesOut {
        static volatile ChildProcess child;

        @Test
        @Timeout(3)
        void waitsForAHungChild() throws InterruptedException {
            child = startHungChild("Hung");
            child.join();
        }
    }
}
