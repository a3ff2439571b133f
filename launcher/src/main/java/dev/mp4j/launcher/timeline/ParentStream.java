package dev.mp4j.launcher.timeline;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A child's events, sent to its parent as lines of its standard output, which the parent's output
 * pump reads anyway: each line starts with {@link #MARKER}, which the pump takes out before printing
 * what remains. Written to the stream the child's own lines go to, a whole line per write, so an
 * event and a printed line never mix within a line, and both arrive in the order they were written.
 */
final class ParentStream implements EventSink {

    /** Starts an event line: a record separator, then a word no example prints. */
    static final String MARKER = "\u001emp4j-timeline:";

    private final PrintStream stdout;

    ParentStream(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public void write(List<String> events) {
        StringBuilder lines = new StringBuilder(events.size() * 128);
        for (String event : events) {
            lines.append(MARKER).append(event).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        stdout.write(bytes, 0, bytes.length);
        stdout.flush();
    }

    @Override
    public void close() {
        stdout.flush();
    }
}
