package dev.mp4j.launcher.timeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The trace file, written by the JVM the user started: a JSON array of trace events, appended as they
 * come and closed at exit. Chrome's format lets the closing bracket be missing, so a run killed
 * outright still leaves a file the viewers (and {@link Trace}) read. For a path ending in
 * {@code .html} the events go to {@code NAME.trace.json} beside it, and the page is drawn at exit.
 */
final class TraceFile implements EventSink {

    private final Path trace;
    private final Path page; // null unless a page is wanted
    private final OutputStream out;
    private boolean first = true;

    private TraceFile(Path trace, Path page, OutputStream out) {
        this.trace = trace;
        this.page = page;
        this.out = out;
    }

    /** Opens the file now, so a path that cannot be written is reported before the program runs. */
    static TraceFile create(Path path) {
        Path absolute = path.toAbsolutePath();
        String fileName = absolute.getFileName().toString();
        boolean wantsPage = fileName.toLowerCase().endsWith(".html");
        Path trace = wantsPage ? absolute.resolveSibling(fileName.substring(0, fileName.length() - 5) + ".trace.json") : absolute;
        try {
            if (wantsPage) {
                Files.writeString(absolute, "<!doctype html><title>recording</title><p>The run is still being recorded.\n");
            }
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(trace), 1 << 16);
            out.write("[\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new TraceFile(trace, wantsPage ? absolute : null, out);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("-D" + Timeline.PROPERTY + "=" + path + ": cannot write the timeline there ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized void write(List<String> events) throws IOException {
        StringBuilder text = new StringBuilder(events.size() * 128);
        for (String event : events) {
            if (!first) {
                text.append(",\n");
            }
            first = false;
            text.append(event);
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public synchronized void close() {
        try {
            out.write("\n]\n".getBytes(StandardCharsets.US_ASCII));
            out.close();
        } catch (IOException e) {
            System.err.println("mp4j: could not finish the timeline " + trace + ": " + e.getMessage());
        }
    }

    void renderPageIfWanted() throws IOException {
        if (page != null) {
            TimelinePage.render(trace, page);
        }
    }
}
