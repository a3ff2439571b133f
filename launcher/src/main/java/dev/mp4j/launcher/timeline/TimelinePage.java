package dev.mp4j.launcher.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Draws a trace as one self-contained HTML page: the events embedded, a script that lays out one lane
 * per process, thread, pool worker, task or greenlet, and the printed lines as marks; no network, no
 * tool. {@code java -cp ... dev.mp4j.launcher.timeline.TimelinePage run.trace.json run.html} draws a
 * trace again, for example one left by a run that was killed.
 */
public final class TimelinePage {

    private TimelinePage() {
    }

    /** {@code TimelinePage TRACE.json [MORE.json ...] PAGE.html}: traces of separate programs run at the same time share one page. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java " + TimelinePage.class.getName() + " TRACE.json [MORE.json ...] PAGE.html");
            System.exit(2);
        }
        List<Path> traces = Arrays.stream(args, 0, args.length - 1).map(Path::of).toList();
        render(traces, Path.of(args[args.length - 1]));
    }

    public static void render(Path trace, Path page) throws IOException {
        render(List.of(trace), page);
    }

    /** One page of one or more traces; they share the machine's clock, so their lanes line up. */
    public static void render(List<Path> traces, Path page) throws IOException {
        StringJoiner events = new StringJoiner(",\n", "[\n", "\n]");
        for (Path trace : traces) {
            String text = Files.readString(trace, StandardCharsets.UTF_8).strip();
            if (!text.endsWith("]")) {
                text = text.replaceAll(",\\s*$", "") + "\n]"; // a run killed before it closed the array
            }
            Trace.parse(text); // refuse what is not a trace before writing a page of it
            String inner = text.substring(1, text.length() - 1).strip();
            if (traces.size() > 1) { // several programs: tell their main processes apart by their traces' names
                inner = inner.replace("\"args\":{\"name\":\"MainProcess\"}", "\"args\":{\"name\":\"MainProcess " + baseName(trace) + "\"}");
            }
            if (!inner.isEmpty()) {
                events.add(inner);
            }
        }
        String title = "Timeline: " + traces.stream().map(TimelinePage::baseName).collect(Collectors.joining(" + "));
        String html = template()
                .replace("__TITLE__", escape(title))
                .replace("__TRACE__", events.toString().replace("</", "<\\/"));
        Files.writeString(page, html, StandardCharsets.UTF_8);
    }

    private static String baseName(Path trace) {
        return trace.getFileName().toString().replaceAll("(\\.trace)?\\.json$", "");
    }

    private static String template() {
        try (InputStream in = TimelinePage.class.getResourceAsStream("page.html")) {
            if (in == null) {
                throw new IllegalStateException("page.html is missing beside " + TimelinePage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
