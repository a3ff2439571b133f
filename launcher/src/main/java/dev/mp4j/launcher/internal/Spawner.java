package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.ForkOptions;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts child JVMs: {@code java} from this JVM's {@code java.home}, this JVM's class path in an
 * {@code @argfile} (long class paths, Windows), the JVM flags a child needs, and {@link ChildMain}.
 *
 * <p>A JVM needs tens of milliseconds to boot, so one spare is kept booted ahead of need: {@code start()}
 * hands the payload to a JVM that is already waiting for it, and a new spare boots in the background.
 * {@value #SPARE_PROPERTY}{@code =false} turns the spare off. Where the class path is all JARs, children
 * also share a class-data archive ({@link ClassDataArchive}).
 *
 * <p>A child with {@link ForkOptions} of its own is launched for itself, never from the spare, and
 * {@link #command} is the one place those options are read; its launch returns once the new JVM has
 * booted, so an option the JVM refuses fails the caller with the JVM's message.
 */
public final class Spawner {

    static final String SPARE_PROPERTY = "mp4j.spare";
    static final String JVM_OPTIONS_PROPERTY = "mp4j.childJvmOptions";

    private static final Object lock = new Object();
    private static SpawnedJvm spare;
    private static Path argFile;

    private Spawner() {
    }

    /**
     * A booted child JVM waiting for its payload: the spare if there is one, else a new one. Each new JVM
     * first gets {@code warmUpSample}, a payload it may deserialize while it waits; it is asked for only
     * once a JVM has been launched, so making it never delays the launch.
     */
    public static SpawnedJvm take(Supplier<byte[]> warmUpSample) throws IOException {
        return take(warmUpSample, ForkOptions.DEFAULT);
    }

    /** Like {@link #take(Supplier)}; a child with options other than the defaults gets a JVM of its own. */
    public static SpawnedJvm take(Supplier<byte[]> warmUpSample, ForkOptions options) throws IOException {
        if (!options.isDefault()) {
            return launch(warmUpSample, options);
        }
        SpawnedJvm ready;
        synchronized (lock) {
            ready = spare;
            spare = null;
            if (ready != null && !ready.process().isAlive()) {
                ready = null;
            }
        }
        if (ready == null) {
            ready = launch(warmUpSample, ForkOptions.DEFAULT);
        }
        if (spareWanted()) {
            Thread.ofPlatform().daemon().name("mp4j-spare").start(() -> bootSpare(warmUpSample));
        }
        return ready;
    }

    private static void bootSpare(Supplier<byte[]> warmUpSample) {
        try {
            SpawnedJvm fresh = launch(warmUpSample, ForkOptions.DEFAULT);
            synchronized (lock) {
                if (spare == null) {
                    spare = fresh;
                    return;
                }
            }
            fresh.process().destroy();
        } catch (IOException ignored) {
            // no spare this time; the next start() launches directly
        }
    }

    private static boolean spareWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(SPARE_PROPERTY, "true"));
    }

    private static SpawnedJvm launch(Supplier<byte[]> warmUpSample, ForkOptions options) throws IOException {
        // A child with its own options may use flags the shared archive was not dumped with: it goes without.
        List<String> archiveFlags = options.isDefault() ? ClassDataArchive.flagsForNextChild() : List.of();
        java.lang.Process process = command(archiveFlags, options).start();
        if (!archiveFlags.isEmpty()) {
            process.onExit().thenRun(() -> ClassDataArchive.childExited(archiveFlags));
        }
        SpawnedJvm spawned = new SpawnedJvm(process);
        if (!options.isDefault()) {
            spawned.awaitBooted();
        }
        spawned.sendWarmUpSample(warmUpSample.get());
        return spawned;
    }

    /**
     * {@code java}, the archive flags, the shared flags and class path from the {@code @argfile}, then the
     * child's own options (last, so they win), then {@link ChildMain}; its environment and directory.
     */
    private static ProcessBuilder command(List<String> archiveFlags, ForkOptions options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(archiveFlags);
        command.add("@" + argFile());
        command.addAll(options.jvmArgs());
        options.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (options.debugPort() != null) {
            command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + options.debugPort());
        }
        command.add(ChildMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(options.environment());
        if (options.workingDirectory() != null) {
            builder.directory(options.workingDirectory().toFile());
        }
        return builder;
    }

    private static String javaExecutable() {
        String exe = System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java";
        return Path.of(System.getProperty("java.home"), "bin", exe).toString();
    }

    private static Path argFile() throws IOException {
        synchronized (lock) {
            if (argFile == null) {
                Path file = Files.createTempFile("mp4j-child-", ".args");
                file.toFile().deleteOnExit();
                Files.writeString(file, String.join(System.lineSeparator(), quoted(childArguments())), StandardCharsets.UTF_8);
                argFile = file;
            }
            return argFile;
        }
    }

    /** What every child shares after {@code java}: flags and class path (absolute: a child may run in another directory). */
    static List<String> childArguments() {
        List<String> args = new ArrayList<>();
        // Small, quick-to-boot children: the serial GC and no perf-data file cost less at start.
        args.add("-XX:+UseSerialGC");
        args.add("-XX:-UsePerfData");
        args.add("-Xshare:auto");
        args.add("-Dstdout.encoding=UTF-8");
        args.add("-Dstderr.encoding=UTF-8");
        args.add("-Dfile.encoding=UTF-8");
        args.addAll(inheritedJvmFlags());
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
        args.add("-cp");
        args.add(absolute(System.getProperty("java.class.path")));
        return args;
    }

    /** Flags a child must share with us for the same code to run: preview, opens, native access, mp4j settings. */
    private static List<String> inheritedJvmFlags() {
        List<String> inherited = new ArrayList<>();
        List<String> ours = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < ours.size(); i++) {
            String flag = ours.get(i);
            if (flag.equals("--enable-preview") || flag.startsWith("--enable-native-access")
                    || flag.startsWith("--add-opens=") || flag.startsWith("--add-exports=")
                    || flag.equals("-ea") || flag.equals("-enableassertions")
                    || flag.startsWith("-D" + SerialFilter.ALLOW_PROPERTY + "=")) {
                inherited.add(flag);
            } else if ((flag.equals("--add-opens") || flag.equals("--add-exports")) && i + 1 < ours.size()) {
                inherited.add(flag);
                inherited.add(ours.get(++i));
            }
        }
        return inherited;
    }

    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator, -1)) {
            try {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            } catch (java.nio.file.InvalidPathException wildcard) {
                entries.add(entry); // e.g. lib\* on Windows: left as given
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> quoted(List<String> args) {
        List<String> lines = new ArrayList<>(args.size());
        for (String arg : args) {
            lines.add('"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return lines;
    }

}
