package dev.mp4j.launcher;

import java.io.Serializable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Python's Process semantics, after CPython's _TestProcess. */
class ChildProcessTest {

    static void hello(String who) {
        System.out.println("hello " + who);
    }

    static void fail() {
        throw new IllegalStateException("boom in child");
    }

    static void exitWith(int code) {
        System.exit(code);
    }

    static void sleepLong() throws InterruptedException {
        Thread.sleep(60_000);
    }

    static void describeSelf() {
        CurrentProcess me = Multiprocessing.currentProcess();
        System.out.println(me.name() + " parent=" + me.parentPid() + " daemon=" + me.daemon() + " scale=" + Time.scale());
    }

    static void startGrandchild() throws InterruptedException {
        ChildProcess grandchild = new ChildProcess(ChildProcessTest::describeSelf);
        grandchild.start();
        grandchild.join();
    }

    @Test
    void runsTheTargetInAnotherJvmAndForwardsItsOutput() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess p = new ChildProcess(() -> hello("derek 你好"));
            assertThat(p.pid()).isNull();
            assertThat(p.exitcode()).isNull();
            p.start();
            assertThat(p.pid()).isNotNull().isNotEqualTo(ProcessHandle.current().pid());
            p.join();
            assertThat(p.exitcode()).isZero();
            assertThat(p.isAlive()).isFalse();
            assertThat(console.outLines()).contains("hello derek 你好");
        }
    }

    @Test
    void uncaughtExceptionPrintsProcessNameAndGivesExitCodeOne() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess p = new ChildProcess(ChildProcessTest::fail, "failing");
            p.start();
            p.join();
            assertThat(p.exitcode()).isEqualTo(1);
            assertThat(console.err()).contains("Process failing:").contains("IllegalStateException: boom in child");
        }
    }

    @Test
    void systemExitCodeBecomesTheExitcode() throws Exception {
        ChildProcess p = new ChildProcess(() -> exitWith(7));
        p.start();
        p.join();
        assertThat(p.exitcode()).isEqualTo(7);
    }

    @Test
    void terminateGivesMinusFifteenAndKillMinusNine() throws Exception {
        ChildProcess terminated = new ChildProcess(ChildProcessTest::sleepLong);
        ChildProcess killed = new ChildProcess(ChildProcessTest::sleepLong);
        terminated.start();
        killed.start();
        terminated.join(0);
        assertThat(terminated.isAlive()).as("join(0) returns with the child still alive").isTrue();
        assertThat(terminated.exitcode()).isNull();
        terminated.terminate();
        killed.kill();
        terminated.join(10);
        killed.join(10);
        assertThat(terminated.exitcode()).isEqualTo(-15);
        assertThat(killed.exitcode()).isEqualTo(-9);
    }

    private static final int LINES_BEFORE_KILL = 1_000; // ~45 KiB: fits a pipe, and takes the pump a while

    static void printManyLinesThenSet(Event printed) throws InterruptedException {
        for (int i = 0; i < LINES_BEFORE_KILL; i++) {
            System.out.println("line " + i + " of what was printed before the kill");
        }
        printed.set();
        Thread.sleep(60_000);
    }

    @Test
    void everyLinePrintedBeforeAKillOrTerminateReachesTheParent() throws Exception {
        for (boolean kill : new boolean[] {true, false}) {
            try (ConsoleCapture console = ConsoleCapture.start()) {
                Event printed = new Event();
                ChildProcess child = new ChildProcess(() -> printManyLinesThenSet(printed));
                child.start();
                printed.await();
                if (kill) {
                    child.kill(); // at once: most lines are still in the pipe
                } else {
                    child.terminate();
                }
                child.join();
                assertThat(console.outLines()).as(kill ? "after kill()" : "after terminate()")
                        .filteredOn(line -> line.endsWith("before the kill")).hasSize(LINES_BEFORE_KILL);
                assertThat(child.exitcode()).isEqualTo(kill ? -9 : -15);
            }
        }
    }

    @Test
    void namesFollowPythonsCountersDownTheTree() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess p = new ChildProcess(ChildProcessTest::startGrandchild);
            String childName = p.name();
            assertThat(childName).matches("Process-\\d+");
            p.start();
            p.join();
            assertThat(p.exitcode()).isZero();
            assertThat(console.outLines()).anyMatch(line -> line.startsWith(childName + ":1 parent=" + p.pid() + " daemon=false"));
        }
    }

    @Test
    void childrenSeeTheirParentAndInheritTheTimeScale() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess p = new ChildProcess(ChildProcessTest::describeSelf, "named");
            p.setDaemon(true);
            p.start();
            p.join();
            assertThat(console.outLines()).contains("named parent=" + ProcessHandle.current().pid() + " daemon=true scale=" + Time.scale());
        }
        assertThat(Multiprocessing.currentProcess().name()).isEqualTo("MainProcess");
    }

    @Test
    void subclassesOverrideRunAndGetTheirClassNameAsDefaultName() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Eat eat = new Eat("liu");
            assertThat(eat.name()).matches("Eat-\\d+");
            eat.start();
            eat.join();
            assertThat(console.outLines()).contains("liu start eat");
        }
    }

    static final class Eat extends ChildProcess {
        private final String who;

        Eat(String who) {
            this.who = who;
        }

        @Override
        public void run() {
            System.out.println(who + " start eat");
        }
    }

    @Test
    void aProcessStartsOnlyOnce() throws Exception {
        ChildProcess p = new ChildProcess(() -> hello("once"));
        p.start();
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class).hasMessage("cannot start a process twice");
        assertThatThrownBy(() -> p.setDaemon(true)).hasMessage("process has already started");
        p.join();
    }

    @Test
    void misuseBeforeStartIsRefused() {
        ChildProcess p = new ChildProcess(() -> hello("never"));
        assertThat(p.isAlive()).isFalse();
        assertThatThrownBy(p::join).isInstanceOf(IllegalStateException.class).hasMessage("can only join a started process");
        assertThatThrownBy(p::terminate).hasMessage("can only terminate a started process");
    }

    static final class NotSerializableThing {
        @Override
        public String toString() {
            return "thing";
        }
    }

    @Test
    void aCaptureThatCannotBeSerializedFailsInStartNamingItsClass() {
        NotSerializableThing thing = new NotSerializableThing();
        ChildProcess p = new ChildProcess(() -> hello(thing.toString()));
        assertThatThrownBy(p::start)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(NotSerializableThing.class.getName())
                .hasMessageContaining("is not serializable");
        assertThat(p.pid()).isNull();
    }

    @Test
    void aStartThatCannotEncodeItsTargetLeavesNoJvmBehind() {
        String spares = System.getProperty("mp4j.spare");
        System.setProperty("mp4j.spare", "false"); // every JVM launched from here on is one start's own
        try {
            java.util.Set<Long> before = liveChildren();
            NotSerializableThing thing = new NotSerializableThing();
            ChildProcess p = new ChildProcess(() -> hello(thing.toString()));

            assertThatThrownBy(p::start).isInstanceOf(SerializationException.class);

            assertThat(liveChildren()).isSubsetOf(before);
        } finally {
            if (spares == null) {
                System.clearProperty("mp4j.spare");
            } else {
                System.setProperty("mp4j.spare", spares);
            }
        }
    }

    private static java.util.Set<Long> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
    }

    static void startChildFromDaemon() throws Exception {
        ChildProcess grandchild = new ChildProcess(() -> hello("unreachable"));
        grandchild.start();
    }

    @Test
    void daemonicProcessesAreNotAllowedToHaveChildren() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess p = new ChildProcess(ChildProcessTest::startChildFromDaemon);
            p.setDaemon(true);
            p.start();
            p.join();
            assertThat(p.exitcode()).isEqualTo(1);
            assertThat(console.err()).contains("daemonic processes are not allowed to have children");
            assertThat(console.out()).doesNotContain("unreachable");
        }
    }

    @Test
    void activeChildrenListsOnlyRunningChildren() throws Exception {
        ChildProcess sleeper = new ChildProcess(ChildProcessTest::sleepLong);
        sleeper.start();
        assertThat(Multiprocessing.activeChildren()).contains(sleeper);
        sleeper.kill();
        sleeper.join(Duration.ofSeconds(10));
        assertThat(Multiprocessing.activeChildren()).doesNotContain(sleeper);
        assertThat(Multiprocessing.cpuCount()).isPositive();
    }

    @Test
    void closeIsRefusedWhileTheChildRunsAndAfterwardsEveryMethodRefuses() throws Exception {
        // CPython's test_close
        Event finish = new Event();
        ChildProcess p = new ChildProcess(() -> finish.await(30));
        p.setDaemon(true);
        p.start();
        assertThat(p.isAlive()).isTrue();
        assertThatThrownBy(p::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot close a process while it is still running. You should first call join() or terminate().");
        finish.set();
        p.join(30);
        assertThat(p.isAlive()).isFalse();
        assertThat(p.exitcode()).isZero();
        p.close();
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                p::isAlive, p::join, () -> p.join(1), p::terminate, p::kill, p::exitcode, p::pid, p::start)) {
            assertThatThrownBy(call).isInstanceOf(IllegalStateException.class).hasMessage("process object is closed");
        }
        assertThat(p.name()).as("the name stays readable, as in CPython").startsWith("Process-");
        assertThat(p).hasToString("<ChildProcess name='" + p.name() + "' closed>");
        assertThat(Multiprocessing.activeChildren()).doesNotContain(p);
        p.close(); // a second close is allowed
    }

    @Test
    void aProcessNeverStartedMayBeClosed() {
        ChildProcess p = new ChildProcess(() -> { });
        p.close();
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class).hasMessage("process object is closed");
    }

    record Box(String value) implements Serializable {
    }
}
