package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.ForkOptions;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Starts child JVMs: {@code java} from this JVM's {@code java.home}, the JVM flags a child needs, the
 * children's AOT cache where there is one ({@link AotCache}), this JVM's class path, and
 * {@link ChildMain}, all in an {@code @argfile} ({@link ArgFile}).
 *
 * <p>Spares follow demand ({@link Spares}): a program that starts one child never boots a spare; from the
 * second {@code start()} of a plain child on, booted JVMs wait for the next starts, more during a burst.
 * {@value #SPARE_PROPERTY}{@code =false} turns spares off.
 *
 * <p>A child with {@link ForkOptions} of its own is launched for itself, never from a spare and without
 * the AOT cache (its flags may differ from those the cache was trained with); {@link #command} is the
 * one place those options are read, and its launch returns once the new JVM has booted, so an option
 * the JVM refuses fails the caller with the JVM's message.
 */
public final class Spawner {

    static final String SPARE_PROPERTY = "mp4j.spare";
    static final String JVM_OPTIONS_PROPERTY = "mp4j.childJvmOptions";
    /** Children run on the class path: their code is in the unnamed module. */
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /*
     * No lambdas on the way to a first start: each is a class generated at its first run, about a
     * millisecond in a JVM still cold, and a parent's first start() runs in one.
     */
    private static final Spares spares = new Spares(new SpareLauncher());

    private Spawner() {
    }

    /**
     * A booted child JVM waiting for its payload: a spare if one is ready, else a new one, which boots from
     * the AOT cache of {@code kind} (a spare, booted before anyone knew, from the plain one: a booted JVM of
     * either kind is sooner than a new one). Each spare first gets {@code warmUpSample}, a payload it may
     * decode while it waits; it is asked for only once the spare has been launched, so making it never
     * delays the launch. A JVM launched for this call gets an empty sample: its payload follows at once. A
     * child with options other than the defaults gets a JVM of its own.
     */
    public static SpawnedJvm take(Supplier<byte[]> warmUpSample, ForkOptions options, ChildKind kind) throws IOException {
        if (!options.isDefault()) {
            return launch(null, options, kind);
        }
        SpawnedJvm ready = spares.take(spareWanted(), kind, warmUpSample);
        return ready != null ? ready : launch(null, options, kind);
    }

    private static boolean spareWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(SPARE_PROPERTY, "true"));
    }

    /** {@code warmUpSample} null for a JVM launched for a start() under way: its payload follows at once. */
    private static SpawnedJvm launch(Supplier<byte[]> warmUpSample, ForkOptions options, ChildKind kind) throws IOException {
        SpawnedJvm spawned = new SpawnedJvm(command(options, kind).start());
        if (!options.isDefault()) {
            spawned.awaitBooted();
        }
        spawned.sendWarmUpSample(warmUpSample == null ? new byte[0] : warmUpSample.get());
        return spawned;
    }

    /** Spares boot from the plain cache: they are launched before anyone knows their target. */
    private static final class SpareLauncher implements Spares.Launcher {
        @Override
        public SpawnedJvm launch(Supplier<byte[]> warmUpSample) throws IOException {
            return Spawner.launch(warmUpSample, ForkOptions.DEFAULT, ChildKind.PLAIN);
        }
    }

    /**
     * {@code java}, then an {@code @argfile} with the shared flags, the AOT cache and the class path
     * (absolute: a child may run in another directory), then the child's own options (last, so they
     * win), then {@link ChildMain}; with the child's environment and working directory.
     */
    private static ProcessBuilder command(ForkOptions options, ChildKind kind) throws IOException {
        List<String> jvmFlags = childJvmFlags();
        AotCache.Use aot = options.isDefault() ? AotCache.forChild(jvmFlags, kind) : AotCache.Use.NONE;
        List<String> shared = new ArrayList<>(jvmFlags);
        shared.addAll(kind.jvmFlags()); // not in the cache's key: both kinds' caches share one
        shared.addAll(aot.flags());
        String classPath = absolute(System.getProperty("java.class.path"));
        shared.add("-cp");
        shared.add(aot.classPathPrefix() == null ? classPath : aot.classPathPrefix() + File.pathSeparator + classPath);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("@" + ArgFile.of(shared));
        command.addAll(options.jvmArgs());
        for (Map.Entry<String, String> property : options.systemProperties().entrySet()) {
            command.add("-D" + property.getKey() + "=" + property.getValue());
        }
        if (options.debugPort() != null) {
            command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + options.debugPort());
        }
        command.add(ChildMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!options.environment().isEmpty()) {
            builder.environment().putAll(options.environment()); // asked for only then: it copies ours
        }
        if (options.workingDirectory() != null) {
            builder.directory(options.workingDirectory().toFile());
        }
        return builder;
    }

    /** With {@link File}, not {@code Path}: on a first start the NIO file system is not loaded yet. */
    private static String absolute(String classPath) {
        StringBuilder entries = new StringBuilder(classPath.length() * 2);
        for (String entry : classPath.split(File.pathSeparator, -1)) {
            if (!entries.isEmpty()) {
                entries.append(File.pathSeparatorChar);
            }
            entries.append(new File(entry).getAbsolutePath());
        }
        return entries.toString();
    }

    static String javaExecutable() {
        String exe = System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java";
        return new File(new File(System.getProperty("java.home"), "bin"), exe).getPath();
    }

    /** Every JVM flag of a child, before its class path and main class. */
    static List<String> childJvmFlags() {
        List<String> args = new ArrayList<>();
        // Small, quick-to-boot children: the serial GC and no perf-data file cost less at start.
        args.add("-XX:+UseSerialGC");
        args.add("-XX:-UsePerfData");
        // An eighth of the default initial heap (1/64 of RAM): the GC writes its card and offset tables over
        // the whole initial heap at boot, ~0.7 MB of an idle child here. Ergonomic: a user's -Xms or -Xmx wins.
        args.add("-XX:InitialRAMPercentage=0.2");
        args.add("-Dstdout.encoding=UTF-8");
        args.add("-Dstderr.encoding=UTF-8");
        args.add("-Dfile.encoding=UTF-8");
        // A child calls its target by reflection (LambdaCodec). Method-handle accessors, the default,
        // spin classes for every new method shape: ~6 ms in a fresh JVM, for a call made once.
        args.add("-Djdk.reflect.useNativeAccessorOnly=true");
        // Each word a queue or lock reads in shared memory goes through a byte-buffer view's var handle, some
        // twenty methods deep: inlined, one ring get was 559 methods and most of a child's C2 time, paid by
        // every child at once. Called instead, an access costs nanoseconds and the compilation a fraction.
        args.add("-XX:CompileCommand=quiet");
        args.add("-XX:CompileCommand=dontinline," + SharedBlock.class.getName() + "::*");
        boolean nativeAccess = false;
        for (String flag : InheritedFlags.LIST) { // a loop: a stream and its lambda would be linked for this one use
            args.add(flag);
            nativeAccess |= flag.startsWith("--enable-native-access");
        }
        if (!nativeAccess) {
            args.add(NATIVE_ACCESS); // futex waits on shared memory (Futex), without the JDK's warning
        }
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
        return args;
    }
}
