package dev.mp4j.launcher.timeline;

import java.util.Map;

/**
 * Trace events as Chrome's trace-event format writes them, one JSON object each. Times are this
 * machine's monotonic clock in microseconds ({@code System.nanoTime()}, shared by every process on
 * Linux and macOS), so events of parent and children line up. A lane's thread id is derived from its
 * name, so every process names the same lane alike without asking the others.
 */
final class TraceEvents {

    /** How every event begins, its phase next: what a reader at fixed places ({@link OpenSpans}) looks for. */
    static final String PHASE_KEY = "{\"ph\":\"";
    static final String PID_KEY = ",\"pid\":";
    static final String TID_KEY = ",\"tid\":";

    private TraceEvents() {
    }

    static int laneId(String lane) {
        return lane.hashCode() & 0x7fffffff;
    }

    static String event(char phase, String category, String name, long pid, String lane, long nanos, Map<String, ?> args) {
        return event(phase, category, name, pid, laneId(lane), nanos, args);
    }

    /** The same, on a lane known by its thread id only (a dead child's, from the events it sent). */
    static String event(char phase, String category, String name, long pid, int laneId, long nanos, Map<String, ?> args) {
        StringBuilder json = new StringBuilder(96 + name.length());
        json.append(PHASE_KEY).append(phase).append("\",\"cat\":");
        quote(json, category);
        json.append(",\"name\":");
        quote(json, name);
        json.append(PID_KEY).append(pid).append(TID_KEY).append(laneId).append(",\"ts\":");
        micros(json, nanos);
        if (phase == 'i') {
            json.append(",\"s\":\"t\"");
        }
        if (args != null && !args.isEmpty()) {
            json.append(",\"args\":");
            object(json, args);
        }
        return json.append('}').toString();
    }

    static String processName(long pid, String name) {
        return metadata("process_name", pid, 0, name);
    }

    static String laneName(long pid, String lane) {
        return metadata("thread_name", pid, laneId(lane), lane);
    }

    private static String metadata(String kind, long pid, int tid, String name) {
        StringBuilder json = new StringBuilder(80);
        json.append(PHASE_KEY).append("M\",\"name\":\"").append(kind).append('"').append(PID_KEY).append(pid)
                .append(TID_KEY).append(tid).append(",\"args\":{\"name\":");
        quote(json, name);
        return json.append("}}").toString();
    }

    private static void micros(StringBuilder json, long nanos) {
        long whole = Math.floorDiv(nanos, 1000);
        int fraction = (int) Math.floorMod(nanos, 1000);
        json.append(whole).append('.');
        if (fraction < 100) {
            json.append(fraction < 10 ? "00" : "0");
        }
        json.append(fraction);
    }

    private static void object(StringBuilder json, Map<String, ?> values) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, entry.getKey());
            json.append(':');
            Object value = entry.getValue();
            if (value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                quote(json, String.valueOf(value));
            }
        }
        json.append('}');
    }

    static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '<' -> json.append("\\u003c"); // the page embeds the trace in a <script> element
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
