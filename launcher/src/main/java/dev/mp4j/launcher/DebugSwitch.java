package dev.mp4j.launcher;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@value #PROPERTY}: one switch that starts a child with a JDWP agent waiting for a debugger, as
 * Surefire's {@code -Dmaven.surefire.debug} does for its forked JVM.
 *
 * <ul>
 *   <li>{@code -Dmp4j.debug=5005} (or {@code =true}, port 5005): the next child this JVM starts.</li>
 *   <li>{@code -Dmp4j.debug=Process-3}, {@code =Process-3:8000}: the child of that name.</li>
 *   <li>{@code -Dmp4j.debug=PoolWorker}, {@code =PoolWorker:8000}: every child whose name is that, or
 *       starts with it and a dash (all of a pool's workers); each takes the next port, 5005, 5006, ...</li>
 * </ul>
 *
 * Port 0 means any free port. The agent listens on 127.0.0.1 only and suspends the child before it runs
 * anything; {@code start()} prints which port. The switch is not passed on to children.
 */
final class DebugSwitch {

    static final String PROPERTY = "mp4j.debug";
    private static final int DEFAULT_PORT = 5005;
    private static final Pattern PORT_ONLY = Pattern.compile("\\d+");
    private static final Pattern NAME_AND_PORT = Pattern.compile("(.+?)(?::(\\d+))?");

    private static final Object lock = new Object();
    private static String usedForNextChild;               // guarded by lock
    private static final Map<String, Integer> matches = new HashMap<>(); // guarded by lock: per switch value

    private DebugSwitch() {
    }

    /** {@code options} with a debug port when the switch names this child; unchanged otherwise. */
    static ForkOptions apply(String childName, ForkOptions options) {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty() || value.equals("false") || options.debugPort() != null) {
            return options;
        }
        synchronized (lock) {
            if (value.equals("true") || PORT_ONLY.matcher(value).matches()) {
                if (value.equals(usedForNextChild)) {
                    return options; // "the next child" was that one
                }
                usedForNextChild = value;
                return options.toBuilder().debugPort(value.equals("true") ? DEFAULT_PORT : Integer.parseInt(value)).build();
            }
            Matcher parts = NAME_AND_PORT.matcher(value);
            if (!parts.matches()) {
                return options;
            }
            String who = parts.group(1);
            if (!childName.equals(who) && !childName.startsWith(who + "-")) {
                return options;
            }
            int base = parts.group(2) == null ? DEFAULT_PORT : Integer.parseInt(parts.group(2));
            int earlier = matches.merge(value, 1, Integer::sum) - 1;
            return options.toBuilder().debugPort(base == 0 ? 0 : base + earlier).build();
        }
    }
}
