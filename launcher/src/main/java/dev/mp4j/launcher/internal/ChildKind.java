package dev.mp4j.launcher.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

/**
 * Which of the children's two AOT caches a child boots from ({@link AotCache}), and with which flags of
 * its own ({@link #jvmFlags()}). HotSpot maps and links every class of a cache at boot, used or not, so
 * what one cache holds for pool workers, pipes and object streams is paid by every child. Most children
 * need none of it: they run a lambda whose captured values are numbers, strings, primitive arrays and the
 * launcher's shared-memory handles (queues, locks, events, values). Those are {@link #PLAIN} and boot from
 * a smaller cache; the rest ({@link #FULL}: a pool worker, a subclass target, a pipe or a Manager proxy in
 * the target, a child recording a timeline) from the cache that holds it all. Decided before the JVM is
 * launched, from the target's class and the declared types of its captured values, so nothing is encoded
 * for it; a wrong guess costs only time, as the classes a cache lacks load from the JDK and the class path
 * as usual.
 */
public enum ChildKind {
    /**
     * C2 compiles a method only after ten times HotSpot's default invocations and loop iterations. Most
     * of these children are short: twenty of them moving items through one queue spent more of two cores
     * compiling the ring's paths with C2, each JVM for itself, than moving the items. A long computation
     * reaches C2 a few milliseconds later than by default.
     */
    PLAIN("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000"),
    FULL;

    private final List<String> jvmFlags;

    ChildKind(String... jvmFlags) {
        this.jvmFlags = List.of(jvmFlags);
    }

    /** Flags a JVM of this kind gets after those of every child, and before a child's own options. */
    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** Handles that live in shared memory: rebuilt in a child without a socket or an object stream. */
    private static final Set<String> SHARED_MEMORY_HANDLES = Set.of(
            "dev.mp4j.launcher.Queue", "dev.mp4j.launcher.JoinableQueue", "dev.mp4j.launcher.SimpleQueue",
            "dev.mp4j.launcher.Lock", "dev.mp4j.launcher.RLock", "dev.mp4j.launcher.Semaphore",
            "dev.mp4j.launcher.BoundedSemaphore", "dev.mp4j.launcher.Event", "dev.mp4j.launcher.Condition",
            "dev.mp4j.launcher.Barrier", "dev.mp4j.launcher.Value", "dev.mp4j.launcher.Array");

    /**
     * The kind of a child that runs {@code body}, in a program that records a timeline or not. A
     * subclass's {@code run()} is full without a case of its own: it captures the process object.
     */
    public static ChildKind of(Object body, boolean recording) {
        if (recording || !body.getClass().isHidden()) {
            return FULL; // an object stream carries it, or the timeline's classes are wanted
        }
        for (Field captured : body.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(captured.getModifiers()) && !plain(captured.getType())) {
                return FULL;
            }
        }
        return PLAIN;
    }

    private static boolean plain(Class<?> type) {
        return ValueCodec.tagsEvery(type) || SHARED_MEMORY_HANDLES.contains(type.getName());
    }
}
