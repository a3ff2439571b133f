package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Multiprocessing;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test: every child JVM the test started must end by itself (mains that do not join, like
 * P01, leave theirs running for a moment). One that is still alive after a generous wait is killed and
 * fails the test, so no JVM outlives the suite.
 */
final class NoChildLeftBehind implements AfterEachCallback {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ChildProcess child : Multiprocessing.activeChildren()) {
            child.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        List<ChildProcess> leftovers = Multiprocessing.activeChildren();
        leftovers.forEach(ChildProcess::kill);
        assertThat(leftovers).as("child processes still running after the test").isEmpty();
    }
}
