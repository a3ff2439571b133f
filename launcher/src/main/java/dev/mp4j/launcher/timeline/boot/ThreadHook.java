package dev.mp4j.launcher.timeline.boot;

import java.util.function.BiConsumer;

/**
 * What {@code java.lang.Thread} calls, once {@link dev.mp4j.launcher.timeline.ThreadLaneAgent} has
 * rewritten it: as a platform thread is started, and as it exits. The agent puts this class on the boot
 * class path, so it may use nothing but {@code java.base}; a recorder listens through {@link #listener}.
 */
public final class ThreadHook {

    /** Told {@code (thread, true)} as a thread is started, {@code (thread, false)} as it exits; null: nobody listens. */
    public static volatile BiConsumer<Thread, Boolean> listener;

    private ThreadHook() {
    }

    /** In the starting thread, just before the new one is scheduled. */
    public static void starting(Thread thread) {
        tell(thread, Boolean.TRUE);
    }

    /** In the thread itself, as the JVM runs its last Java code. */
    public static void exiting(Thread thread) {
        tell(thread, Boolean.FALSE);
    }

    private static void tell(Thread thread, Boolean started) {
        BiConsumer<Thread, Boolean> to = listener;
        if (to != null) {
            try {
                to.accept(thread, started);
            } catch (Throwable ignored) {
                // a recording must never stop a thread from starting or ending
            }
        }
    }
}
