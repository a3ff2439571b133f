package dev.mp4j.launcher.timeline;

import dev.mp4j.launcher.timeline.boot.ThreadHook;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spans of the threads a program starts, from {@link ThreadHook} (when {@link ThreadLaneAgent} is
 * loaded): each begins as its thread is started, on a lane named after it, and ends as it exits. The
 * launcher's own threads ({@code mp4j-...}) and the JDK's (outside the {@code main} thread group: the
 * cleaner, the process reaper, virtual threads' carriers) get none.
 */
final class ThreadLanes {

    private static final String LAUNCHER_THREADS = "mp4j-";

    private final Recorder recorder;
    private final ThreadGroup programs = topGroupOf(Thread.currentThread());
    private final Map<Thread, String> running = new ConcurrentHashMap<>();

    private ThreadLanes(Recorder recorder) {
        this.recorder = recorder;
    }

    /** Starts listening when the agent is loaded; returns null when it is not. */
    static ThreadLanes listen(Recorder recorder) {
        if (ThreadHook.class.getClassLoader() != null) {
            return null; // loaded from the class path: Thread does not call it
        }
        ThreadLanes lanes = new ThreadLanes(recorder);
        ThreadHook.listener = lanes::seen;
        return lanes;
    }

    private void seen(Thread thread, Boolean started) {
        if (started) {
            if (isTheProgramsThread(thread)) {
                String lane = thread.getName();
                running.put(thread, lane);
                recorder.record('B', "thread", lane, lane, null);
            }
        } else {
            String lane = running.remove(thread);
            if (lane != null) {
                recorder.record('E', "thread", "", lane, null);
            }
        }
    }

    /** At exit: threads still running (daemons) end with their process, marked so. */
    void endStillRunning() {
        ThreadHook.listener = null;
        for (String lane : running.values()) {
            recorder.record('E', "thread", "", lane, Map.of("ended", "still running at exit"));
        }
        running.clear();
    }

    private boolean isTheProgramsThread(Thread thread) {
        return !thread.isVirtual() && !thread.getName().startsWith(LAUNCHER_THREADS) && topGroupOf(thread) == programs;
    }

    /** The thread's group just below the system group: {@code main} for a program's threads. */
    private static ThreadGroup topGroupOf(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        while (group != null && group.getParent() != null && group.getParent().getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
