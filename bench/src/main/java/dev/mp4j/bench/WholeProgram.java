package dev.mp4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a main class in a fresh JVM, as a user would from a shell, and times it from outside. */
final class WholeProgram {

    private WholeProgram() {
    }

    /** Wall time, in seconds, of {@code java [flags] -cp <classPath> mainClass}; fails on a non-zero exit. */
    static double seconds(String classPath, Class<?> mainClass, String... flags) throws IOException, InterruptedException {
        return seconds(classPath, mainClass, List.of(flags), List.of());
    }

    /** {@link #seconds(String, Class, String...)} with arguments for {@code main}. */
    static double seconds(String classPath, Class<?> mainClass, List<String> flags, List<String> args) throws IOException, InterruptedException {
        long start = System.nanoTime();
        java.lang.Process process = new ProcessBuilder(command(classPath, mainClass, flags, args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(mainClass.getName() + " exited with " + code);
        }
        return seconds;
    }

    /** Runs {@code mainClass args} in a fresh JVM with this JVM's class path and returns its output lines. */
    static List<String> output(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        java.lang.Process process = new ProcessBuilder(
                command(System.getProperty("java.class.path"), mainClass, List.of(), List.of(args)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(mainClass.getName() + " exited with " + process.exitValue());
        }
        return lines;
    }

    private static List<String> command(String classPath, Class<?> mainClass, List<String> flags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /** The class directory or JAR this bench runs from: enough for a class without dependencies. */
    static String ownLocation() {
        return locationOf(WholeProgram.class);
    }

    /**
     * This bench's classes and the launcher's: the class path of a user's program that depends on the
     * launcher alone, as {@code ./run} gives an example (its module's classes, then the launcher).
     */
    static String ownLocationAndLauncher() {
        return ownLocation() + java.io.File.pathSeparator + locationOf(dev.mp4j.launcher.ChildProcess.class);
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
