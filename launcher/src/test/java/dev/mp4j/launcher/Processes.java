package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starting and joining the child JVMs of the synchronization tests; a child that hangs is killed. */
public final class Processes {

    private Processes() {
    }

    public static ChildProcess start(Target target) {
        ChildProcess child = new ChildProcess(target);
        child.start();
        return child;
    }

    public static List<ChildProcess> start(int count, Target target) {
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(start(target));
        }
        return children;
    }

    /** Joins each child (30 s at most) and asserts it exited with 0; one still running is dumped, then killed. */
    public static void joinOk(List<ChildProcess> children) throws InterruptedException {
        for (ChildProcess child : children) {
            joinOk(child);
        }
    }

    public static void joinOk(ChildProcess child) throws InterruptedException {
        child.join(Duration.ofSeconds(30));
        if (child.isAlive()) {
            printThreadDumpQuietly(child);
            child.kill();
            child.join();
        }
        assertThat(child.exitcode()).as(child + " exit code").isZero();
    }

    /** What a hung child is doing, on System.err; a child that ended meanwhile has nothing to show. */
    public static void printThreadDumpQuietly(ChildProcess child) {
        try {
            child.printThreadDump();
        } catch (RuntimeException unavailable) {
            System.err.println("(no thread dump of " + child.name() + ": " + unavailable.getMessage() + ")");
        }
    }

    public static double elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
