package dev.mp4j.launcher.timeline;

import dev.mp4j.launcher.internal.ProcessContext;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's side of a recording: it names lanes, turns hooks into trace events and hands them to its
 * {@link EventWriter}. The JVM a user started writes the trace file; a child sends its events up its
 * standard output ({@link ParentStream}), and forwards those of its own children.
 */
final class Recorder {

    /** How long the JVM the user started waits at exit for its children's exits (a shutdown hook is stopping daemon ones). */
    static final String EXIT_WAIT_PROPERTY = "mp4j.timeline.exitWaitMillis";
    private static final long DEFAULT_EXIT_WAIT_MILLIS = 2_000;

    private final long pid = ProcessHandle.current().pid();
    private final EventWriter writer;
    private final TraceFile file; // null in a child
    private final ThreadLocal<String> laneOverride = new ThreadLocal<>();
    private final ThreadLocal<Boolean> relaying = new ThreadLocal<>();
    private final ThreadLocal<String> partialLine = new ThreadLocal<>();
    private final Set<String> namedLanes = ConcurrentHashMap.newKeySet();
    private final Set<String> switchedIn = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> liveChildren = new ConcurrentHashMap<>(); // pid -> name
    private final OpenSpans childrensOpenSpans = new OpenSpans();
    private ThreadLanes threadLanes; // null without the agent

    private Recorder(EventWriter writer, TraceFile file) {
        this.writer = writer;
        this.file = file;
    }

    static Recorder start(String path) {
        if (ProcessContext.isChild()) {
            PrintStream toParent = System.out;
            Recorder child = new Recorder(new EventWriter(new ParentStream(toParent)), null);
            Runtime.getRuntime().addShutdownHook(new Thread(new ChildExit(child), "mp4j-timeline-exit"));
            return child;
        }
        TraceFile file = TraceFile.create(Path.of(path));
        Recorder root = new Recorder(new EventWriter(file), file);
        root.writer.add(TraceEvents.processName(root.pid, "MainProcess"));
        root.record('B', "process", "MainProcess", "MainProcess", null);
        root.tapStandardStreams();
        root.threadLanes = ThreadLanes.listen(root);
        Runtime.getRuntime().addShutdownHook(new Thread(root::finish, "mp4j-timeline-exit"));
        return root;
    }

    String lane() {
        String lane = laneOverride.get();
        return lane != null ? lane : Thread.currentThread().getName();
    }

    void useLane(String lane) {
        if (lane == null) {
            laneOverride.remove();
        } else {
            laneOverride.set(lane);
        }
    }

    void record(char phase, String category, String name, String lane, Map<String, ?> args) {
        record(phase, category, name, pid, lane, args);
    }

    private void record(char phase, String category, String name, long processId, String lane, Map<String, ?> args) {
        record(phase, category, name, processId, lane, args, System.nanoTime());
    }

    private void record(char phase, String category, String name, long processId, String lane, Map<String, ?> args, long now) {
        if (namedLanes.add(laneKey(processId, lane))) {
            writer.add(TraceEvents.laneName(processId, lane));
        }
        writer.add(TraceEvents.event(phase, category, name, processId, lane, now, args));
    }

    /** Built without {@code +}: a child's first concatenation would spin a class at its start. */
    private static String laneKey(long processId, String lane) {
        return new StringBuilder(24 + lane.length()).append(processId).append('/').append(lane).toString();
    }

    void switchTo(String toLane, String category) {
        String from = lane();
        if (from.equals(toLane)) {
            return;
        }
        if (switchedIn.remove(from)) {
            record('E', category, "", from, null);
        }
        if (switchedIn.add(toLane)) {
            record('B', category, "running", toLane, null);
        }
    }

    /**
     * A child that died mid-span (a pool worker killed in a task) sent no end: its open spans end at
     * its exit, marked so.
     */
    /** Ends a child's open spans at {@code now}, the moment its process's own span ends. */
    private void endOpenSpans(long childPid, String when, long now) {
        for (int lane : childrensOpenSpans.forget(childPid)) {
            writer.add(TraceEvents.event('E', "", "", childPid, lane, now, Map.of("ended", when)));
        }
    }

    /** At exit: children whose exit has not come (daemons being stopped) end with this process, marked so. */
    private void endChildrenStillRunning() {
        synchronized (liveChildren) {
            for (Map.Entry<Long, String> child : liveChildren.entrySet()) {
                long now = System.nanoTime();
                endOpenSpans(child.getKey(), "at its parent's exit", now);
                record('E', "process", "", child.getKey(), child.getValue(), Map.of("ended", "still running at its parent's exit"), now);
            }
            liveChildren.clear();
        }
    }

    private void endThreadLanes() {
        if (threadLanes != null) {
            threadLanes.endStillRunning();
        }
    }

    /** At exit: the greenlets that were running stop being drawn so, before their process ends. */
    private void endSwitchedIn() {
        for (String lane : switchedIn) {
            record('E', "greenlet", "", lane, null);
        }
        switchedIn.clear();
    }

    /**
     * A line this JVM printed (the pump threads relay lines that were recorded where they were printed).
     * In a child, a line's event is returned to go out with the line itself, in the same write: a child
     * killed at any moment has sent the events of every line it printed.
     */
    String line(String text, String stream) {
        if (relaying.get() != null) {
            return null;
        }
        String lane = lane();
        Map<String, String> args = "err".equals(stream) ? Map.of("stream", stream) : null;
        if (file != null || args != null) {
            record('i', "print", text, lane, args);
            return null;
        }
        StringBuilder lines = new StringBuilder(text.length() + 160);
        if (namedLanes.add(laneKey(pid, lane))) {
            lines.append(ParentStream.MARKER).append(TraceEvents.laneName(pid, lane)).append('\n');
        }
        lines.append(ParentStream.MARKER).append(TraceEvents.event('i', "print", text, pid, lane, System.nanoTime(), null)).append('\n');
        return lines.toString();
    }

    void processStarted(String name, long childPid, boolean daemon) {
        liveChildren.put(childPid, name);
        writer.add(TraceEvents.processName(childPid, name));
        record('B', "process", name, childPid, name, Map.of("parent", pid, "daemon", daemon));
    }

    void processExited(String name, long childPid, Integer exitcode) {
        synchronized (liveChildren) {
            if (liveChildren.remove(childPid) == null) {
                return; // ended already, at this JVM's exit
            }
            long now = System.nanoTime(); // one moment for both: a stamp each could differ by a preemption
            endOpenSpans(childPid, "at its process's exit", now);
            record('E', "process", "", childPid, name, exitcode == null ? null : Map.of("exitcode", exitcode), now);
            liveChildren.notifyAll();
        }
    }

    void childRunning(String name) {
        useLane(name);
        tapStandardStreams();
        record('i', "process", "running", name, null);
    }

    /**
     * Takes a child's event out of a line its pump read. An event can follow a partial line the child
     * flushed (a prompt); that part waits, in this pump thread, for the rest of its line.
     */
    String fromChild(String line) {
        relaying.set(Boolean.TRUE);
        String carried = partialLine.get();
        int at = line.indexOf(ParentStream.MARKER);
        if (at < 0) {
            partialLine.remove();
            return carried == null ? line : carried + line;
        }
        String event = line.substring(at + ParentStream.MARKER.length());
        childrensOpenSpans.seen(event);
        writer.add(event);
        if (at > 0) {
            partialLine.set(carried == null ? line.substring(0, at) : carried + line.substring(0, at));
        }
        return null;
    }

    private void tapStandardStreams() {
        System.setOut(LineTap.around(System.out, "out", this));
        System.setErr(LineTap.around(System.err, "err", this));
    }

    /** At exit: let the children's exits arrive (a shutdown hook is stopping daemon ones), then close the file. */
    private void finish() {
        long deadline = System.nanoTime() + Long.getLong(EXIT_WAIT_PROPERTY, DEFAULT_EXIT_WAIT_MILLIS) * 1_000_000;
        synchronized (liveChildren) {
            while (!liveChildren.isEmpty() && System.nanoTime() < deadline) {
                try {
                    liveChildren.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        System.out.flush();
        System.err.flush();
        endChildrenStillRunning();
        endThreadLanes();
        endSwitchedIn();
        record('E', "process", "", "MainProcess", null);
        writer.close();
        try {
            file.renderPageIfWanted();
        } catch (IOException | UncheckedIOException e) {
            System.err.println("mp4j: could not write the timeline page: " + e.getMessage());
        }
    }

    /**
     * A child's last events at exit, after its threads and greenlets end and before its stream closes. A
     * class, not a lambda: a child's first lambda would spin a class at its start.
     */
    static final class ChildExit implements Runnable {

        private final Recorder child;

        ChildExit(Recorder child) {
            this.child = child;
        }

        @Override
        public void run() {
            child.endSwitchedIn();
            child.endChildrenStillRunning();
            child.writer.close();
        }
    }
}
