package dev.mp4j.coroutines;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Time;

/** Test helpers: run a main with System.out captured, on a chosen time scale, and read figures from its lines. */
final class Console {

    @FunctionalInterface
    interface Main {
        void run() throws Exception;
    }

    /** What a main printed, line by line; System.out and the time scale are restored afterwards. */
    record Run(List<String> lines, double seconds) {
    }

    private Console() {
    }

    /** Runs {@code main} with System.out captured and {@code mp4j.timeScale} set to {@code scale}. */
    static Run run(double scale, Main main) throws Exception {
        String originalScale = System.getProperty(Time.SCALE_PROPERTY);
        System.setProperty(Time.SCALE_PROPERTY, Double.toString(scale));
        long start = System.nanoTime();
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            main.run();
            lines = console.outLines();
        } finally {
            if (originalScale == null) {
                System.clearProperty(Time.SCALE_PROPERTY);
            } else {
                System.setProperty(Time.SCALE_PROPERTY, originalScale);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(lines, seconds);
    }

    /** The first number that follows {@code prefix} in a line starting with it. */
    static double number(List<String> lines, String prefix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "\\s*([0-9.]+)");
        for (String line : lines) {
            Matcher matcher = pattern.matcher(line);
            if (line.startsWith(prefix) && matcher.find()) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
    }

    private static final Pattern STAMPED = Pattern.compile("^\\[([0-9.]+) s] (.*)$");

    /** A line {@code [1.0 s] text} without its time stamp. */
    static String text(String stamped) {
        Matcher matcher = STAMPED.matcher(stamped);
        return matcher.matches() ? matcher.group(2) : stamped;
    }

    /** The time stamp (article seconds) of the line whose text is {@code text}. */
    static double stamp(List<String> lines, String text) {
        for (String line : lines) {
            Matcher matcher = STAMPED.matcher(line);
            if (matcher.matches() && matcher.group(2).equals(text)) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        throw new AssertionError("no line '" + text + "' in " + lines);
    }
}
