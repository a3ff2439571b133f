/**
 * Python's multiprocessing model on the JVM. Three packages are API: {@link dev.mp4j.launcher} (processes,
 * queues, pipes and connections, locks and the other synchronization types, shared values),
 * {@link dev.mp4j.launcher.managers} (the Manager and its proxies) and {@link dev.mp4j.launcher.pool} (the
 * Pool). {@code dev.mp4j.launcher.internal} (spawning, serialization, codecs, shared-memory plumbing) is
 * not exported.
 *
 * <p>Child JVMs are started with {@code -cp} and this JVM's class path, so the launcher runs on the class
 * path (IDE, {@code ./run}, Surefire); this descriptor states the API and is what javadoc documents.
 */
module dev.mp4j.launcher {
    requires java.management; // a child inherits the JVM flags this JVM was started with
    requires java.instrument; // the timeline's agent, which gives silent threads their lanes

    exports dev.mp4j.launcher;
    exports dev.mp4j.launcher.managers;
    exports dev.mp4j.launcher.pool;
    exports dev.mp4j.launcher.timeline;
}
