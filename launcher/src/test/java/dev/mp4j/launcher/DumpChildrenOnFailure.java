package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails or times out, prints the thread dump of every child process this JVM still runs,
 * before {@code @AfterEach} stops them: a hung child shows where it hangs. Use it with
 * {@code @ExtendWith(DumpChildrenOnFailure.class)} on a test class (it is in the launcher's test-jar).
 */
public final class DumpChildrenOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        dumpLiveChildren(context.getDisplayName() + " failed: " + failure);
        throw failure;
    }

    /** Prints the thread dumps of {@link Multiprocessing#activeChildren()} to {@code System.err}. */
    public static void dumpLiveChildren(String why) {
        var children = Multiprocessing.activeChildren();
        System.err.println(children.size() + " live child process(es) when " + why);
        children.forEach(Processes::printThreadDumpQuietly);
    }
}
