package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.ProcessContext;
import java.util.List;

/** The module-level helpers of Python's {@code multiprocessing} that the articles use. */
public final class Multiprocessing {

    private Multiprocessing() {
    }

    /** Name, pid, parent pid and daemon flag of the process calling it. */
    public static CurrentProcess currentProcess() {
        return ProcessContext.current();
    }

    /** The children this process started that are still alive. */
    public static List<ChildProcess> activeChildren() {
        return Children.active();
    }

    /** The number of processors this JVM may use, like {@code os.cpu_count()}. */
    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The key this process tree shares, for authenticating connections (Manager, Listener/Client). */
    public static byte[] authkey() {
        return ProcessContext.authkey();
    }
}
