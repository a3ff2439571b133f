package dev.mp4j.launcher.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded timeline read back: its spans (a begin matched with its end on the same lane) and its
 * marks (printed lines, switches, moments), with times in seconds from the first event. A span whose
 * end never came (a process killed with its parent) ends at the last event.
 */
public final class Trace {

    /** A span on one lane of one process. */
    public record Span(long pid, String process, String lane, String category, String name, double start, double end,
                       Map<String, Object> beginArgs, Map<String, Object> endArgs) {

        public boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    /** A moment: a printed line ({@code category} print), a greenlet's running start, a child's target starting. */
    public record Mark(long pid, String process, String lane, String category, String name, double time, Map<String, Object> args) {
    }

    private final List<Span> spans;
    private final List<Mark> marks;

    private Trace(List<Span> spans, List<Mark> marks) {
        this.spans = spans;
        this.marks = marks;
    }

    public static Trace read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Parses a trace's text; the closing bracket may be missing, as the format allows. */
    @SuppressWarnings("unchecked")
    public static Trace parse(String text) {
        String body = text.strip();
        if (!body.endsWith("]")) {
            body = body.replaceAll(",\\s*$", "") + "]";
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (Object event : (List<Object>) Json.parse(body)) {
            events.add((Map<String, Object>) event);
        }
        return build(events);
    }

    @SuppressWarnings("unchecked")
    private static Trace build(List<Map<String, Object>> events) {
        Map<Long, String> processes = new HashMap<>();
        Map<String, String> lanes = new HashMap<>();
        List<Map<String, Object>> timed = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if ("M".equals(event.get("ph"))) {
                String name = String.valueOf(((Map<String, Object>) event.get("args")).get("name"));
                if ("process_name".equals(event.get("name"))) {
                    processes.put(number(event, "pid"), name);
                } else {
                    lanes.put(number(event, "pid") + "/" + number(event, "tid"), name);
                }
            } else {
                timed.add(event);
            }
        }
        timed.sort(Comparator.comparingDouble(event -> (Double) event.get("ts")));
        double origin = timed.isEmpty() ? 0 : (Double) timed.getFirst().get("ts");
        double last = timed.isEmpty() ? 0 : (Double) timed.getLast().get("ts");
        List<Span> spans = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        Map<String, Deque<Map<String, Object>>> open = new LinkedHashMap<>();
        for (Map<String, Object> event : timed) {
            long pid = number(event, "pid");
            String laneKey = pid + "/" + number(event, "tid");
            String process = processes.getOrDefault(pid, "pid " + pid);
            String lane = lanes.getOrDefault(laneKey, "tid " + number(event, "tid"));
            double time = ((Double) event.get("ts") - origin) / 1e6;
            switch (String.valueOf(event.get("ph"))) {
                case "B" -> open.computeIfAbsent(laneKey, key -> new ArrayDeque<>()).push(event);
                case "E" -> {
                    Deque<Map<String, Object>> stack = open.get(laneKey);
                    if (stack != null && !stack.isEmpty()) {
                        Map<String, Object> begin = stack.pop();
                        spans.add(span(begin, pid, process, lane, origin, time, args(event)));
                    }
                }
                default -> marks.add(new Mark(pid, process, lane, String.valueOf(event.get("cat")), String.valueOf(event.get("name")),
                        time, args(event)));
            }
        }
        for (Map.Entry<String, Deque<Map<String, Object>>> lane : open.entrySet()) {
            for (Map<String, Object> begin : lane.getValue()) {
                long pid = number(begin, "pid");
                spans.add(span(begin, pid, processes.getOrDefault(pid, "pid " + pid),
                        lanes.getOrDefault(lane.getKey(), lane.getKey()), origin, (last - origin) / 1e6, Map.of()));
            }
        }
        spans.sort(Comparator.comparingDouble(Span::start));
        return new Trace(List.copyOf(spans), List.copyOf(marks));
    }

    private static Span span(Map<String, Object> begin, long pid, String process, String lane, double origin, double end,
                             Map<String, Object> endArgs) {
        return new Span(pid, process, lane, String.valueOf(begin.get("cat")), String.valueOf(begin.get("name")),
                ((Double) begin.get("ts") - origin) / 1e6, end, args(begin), endArgs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Map<String, Object> event) {
        Object args = event.get("args");
        return args == null ? Map.of() : (Map<String, Object>) args;
    }

    private static long number(Map<String, Object> event, String key) {
        return ((Double) event.get(key)).longValue();
    }

    public List<Span> spans() {
        return spans;
    }

    public List<Span> spans(String category) {
        return spans.stream().filter(span -> span.category().equals(category)).toList();
    }

    public List<Mark> marks() {
        return marks;
    }

    /** The printed lines, in the order they were printed. */
    public List<Mark> lines() {
        return marks.stream().filter(mark -> mark.category().equals("print")).toList();
    }
}
