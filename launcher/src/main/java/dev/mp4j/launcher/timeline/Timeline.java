package dev.mp4j.launcher.timeline;

import java.util.List;
import java.util.Map;

/**
 * A recording of who ran when: every process (name, pid, parent, start, exit and exit code), the lanes
 * of the threads that print, pool tasks on their workers, event-loop tasks and their steps, greenlet
 * switches, and every printed line, as a Chrome trace-event file (Perfetto, {@code chrome://tracing})
 * and, when the path ends in {@code .html}, a page that draws it ({@link TimelinePage}).
 *
 * <p>Switched on by {@value #PROPERTY}{@code =path}; children inherit the property and send their events
 * to their parent through their standard output, which the parent already reads, so a child killed
 * mid-run leaves everything it recorded before. The flag is read once: every hook in the code is
 * {@code if (Timeline.RECORDING) ...}, a constant the JIT folds away when recording is off.
 *
 * <p>A lane is a name inside a process: a thread's name by default, or the name a hook gives it
 * ({@link #useLane}); the process's own lane carries its name. Events on one lane nest.
 */
public final class Timeline {

    public static final String PROPERTY = "mp4j.timeline";

    /** Whether this JVM records. Read once, at class initialization. */
    public static final boolean RECORDING;

    private static final Recorder recorder;

    static {
        String path = System.getProperty(PROPERTY);
        RECORDING = path != null && !path.isBlank();
        recorder = RECORDING ? Recorder.start(path.strip()) : null;
    }

    private Timeline() {
    }

    /** Makes sure recording has started (or failed, with the reason) before a program runs. */
    public static void start() {
        // class initialization did it
    }

    /**
     * The classes a recording child loads, for the children's AOT cache ({@code AotTrainer}) to hold: a
     * child then finds them loaded and linked instead of reading them from its JAR at its start.
     */
    public static List<Class<?>> classesOfARecordingChild() {
        return List.of(Recorder.class, Recorder.ChildExit.class, EventSink.class, EventWriter.class, EventWriter.Drain.class,
                ParentStream.class, OpenSpans.class, LineTap.class, TraceEvents.class);
    }

    /** The calling thread's lane: the one given by {@link #useLane}, else the thread's name. */
    public static String lane() {
        return recorder == null ? Thread.currentThread().getName() : recorder.lane();
    }

    /** Puts what the calling thread records (its printed lines among them) on {@code lane}; null goes back to the thread's name. */
    public static void useLane(String lane) {
        if (recorder != null) {
            recorder.useLane(lane);
        }
    }

    /** Opens a span called {@code name} on {@code lane}. */
    public static void begin(String lane, String name, String category) {
        if (recorder != null) {
            recorder.record('B', category, name, lane, null);
        }
    }

    /** Closes the innermost open span on {@code lane}, noting {@code key=value} (key may be null). */
    public static void end(String lane, String category, String key, Object value) {
        if (recorder != null) {
            recorder.record('E', category, "", lane, key == null ? null : Map.of(key, value));
        }
    }

    /** A moment on {@code lane}. */
    public static void instant(String lane, String name, String category) {
        if (recorder != null) {
            recorder.record('i', category, name, lane, null);
        }
    }

    /**
     * Control passes from the calling thread's lane to {@code toLane} (a greenlet switch): the span
     * running on the first ends, one on the second begins.
     */
    public static void switchTo(String toLane, String category) {
        if (recorder != null) {
            recorder.switchTo(toLane, category);
        }
    }

    // ---- hooks of the launcher ---------------------------------------------------------------------

    /** A child JVM this JVM started is now running {@code name}. */
    public static void processStarted(String name, long pid, boolean daemon) {
        if (recorder != null) {
            recorder.processStarted(name, pid, daemon);
        }
    }

    /** A child this JVM started has ended and everything it printed has been copied. */
    public static void processExited(String name, long pid, Integer exitcode) {
        if (recorder != null) {
            recorder.processExited(name, pid, exitcode);
        }
    }

    /** In a child JVM, on its main thread, just before its target runs. */
    public static void childRunning(String name) {
        if (recorder != null) {
            recorder.childRunning(name);
        }
    }

    /**
     * A line a child printed, as this JVM's output pump read it: a child's events travel in such lines.
     * Returns what is to be printed, or null when the line carried only an event.
     */
    public static String fromChild(String line) {
        return recorder == null ? line : recorder.fromChild(line);
    }
}
