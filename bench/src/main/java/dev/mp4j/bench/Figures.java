package dev.mp4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every bench suite shares: medians, the {@code figure value unit} line format, and running the
 * CPython counterpart of a suite (a script in {@code bench/python/}) when {@code python3} is on PATH.
 */
public final class Figures {

    private Figures() {
    }

    /** A measurement that may throw, repeated to take a median. */
    @FunctionalInterface
    public interface Measurement {
        double measure() throws Exception;
    }

    /** Runs {@code measurement} {@code runs} times and returns the median value. */
    public static double median(int runs, Measurement measurement) throws Exception {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measurement.measure();
        }
        return median(values);
    }

    public static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Prints one figure line: {@code name value unit}. */
    public static void print(String figure, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s %s %s%n", figure, format(value), unit);
    }

    /**
     * Prints {@code ratio.<figure> ours/theirs x} for a figure both sides measured. For times, a ratio
     * below 1 means we are faster; for rates, above 1.
     */
    public static void printRatio(String figure, double ours, Map<String, Double> cpython, String cpythonFigure) {
        Double theirs = cpython.get(cpythonFigure);
        if (theirs != null && theirs > 0) {
            print("ratio." + figure + "/" + cpythonFigure, ours / theirs, "x");
        }
    }

    static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * Runs {@code bench/python/<script>} with {@code python3} when it exists, echoes its figure lines
     * prefixed {@code cpython.}, and returns them by name (without the prefix). Empty when there is no
     * Python, so every suite also works on a machine without it.
     */
    public static Map<String, Double> cpython(String script, String... args) throws IOException, InterruptedException {
        Path path = scriptPath(script);
        Map<String, Double> figures = new LinkedHashMap<>();
        if (path == null || !onPath("python3")) {
            System.out.println("# python3 or " + script + " not found: CPython side skipped");
            return figures;
        }
        List<String> command = new ArrayList<>(List.of("python3", path.toString()));
        command.addAll(List.of(args));
        java.lang.Process python = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && !line.startsWith("#")) {
                    double value = Double.parseDouble(parts[1]);
                    figures.put(parts[0], value);
                    print("cpython." + parts[0], value, parts[2]);
                } else {
                    System.out.println(line);
                }
            }
        }
        if (!python.waitFor(30, TimeUnit.MINUTES) || python.exitValue() != 0) {
            System.out.println("# " + script + " failed with exit code " + python.exitValue());
        }
        return figures;
    }

    /** {@code bench/python/<script>} from the usual working directories, or null. */
    static Path scriptPath(String script) {
        for (Path dir : List.of(Path.of("bench", "python"), Path.of("python"), Path.of("..", "bench", "python"))) {
            Path candidate = dir.resolve(script);
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
