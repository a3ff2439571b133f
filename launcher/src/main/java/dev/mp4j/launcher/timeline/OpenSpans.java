package dev.mp4j.launcher.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans a child has begun and not yet ended, counted per lane from the events it sends up, so that
 * when it dies mid-span (a pool worker killed in a task) the JVM that sees its exit can end them there.
 * Reads only the phase, pid and tid of each event, at the fixed places {@link TraceEvents} writes them.
 */
final class OpenSpans {

    private final Map<Long, Map<Integer, Integer>> openByProcess = new HashMap<>();

    /** Counts a relayed event in: a begin opens a span on its lane, an end closes the innermost. */
    synchronized void seen(String event) {
        if (!event.startsWith(TraceEvents.PHASE_KEY) || event.length() <= TraceEvents.PHASE_KEY.length()) {
            return;
        }
        char phase = event.charAt(TraceEvents.PHASE_KEY.length());
        if (phase != 'B' && phase != 'E') {
            return;
        }
        long pid = number(event, TraceEvents.PID_KEY);
        long tid = number(event, TraceEvents.TID_KEY);
        if (pid < 0 || tid < 0) {
            return;
        }
        Map<Integer, Integer> lanes = openByProcess.computeIfAbsent(pid, key -> new HashMap<>());
        if (phase == 'B') {
            lanes.merge((int) tid, 1, Integer::sum);
        } else {
            lanes.computeIfPresent((int) tid, (key, open) -> open > 1 ? open - 1 : null);
        }
    }

    /** Forgets process {@code pid} and returns the lanes (thread ids) of its open spans, one per span. */
    synchronized List<Integer> forget(long pid) {
        Map<Integer, Integer> lanes = openByProcess.remove(pid);
        List<Integer> open = new ArrayList<>();
        if (lanes != null) {
            lanes.forEach((tid, count) -> {
                for (int i = 0; i < count; i++) {
                    open.add(tid);
                }
            });
        }
        return open;
    }

    private static long number(String event, String key) {
        int at = event.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int start = at + key.length();
        int end = start;
        while (end < event.length() && Character.isDigit(event.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(event, start, end, 10);
    }
}
