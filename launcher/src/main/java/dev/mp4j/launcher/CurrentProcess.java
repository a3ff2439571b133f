package dev.mp4j.launcher;

/**
 * What Python's {@code multiprocessing.current_process()} and {@code os.getpid()/os.getppid()} tell a
 * process about itself.
 *
 * @param name      {@code MainProcess} in the JVM a user started, {@code Process-1}, {@code Process-1:2} ... in children
 * @param pid       this JVM's process id
 * @param parentPid the process that started this one, or -1 when the OS does not say
 * @param daemon    whether this process was started as a daemon child
 */
public record CurrentProcess(String name, long pid, long parentPid, boolean daemon) {
}
