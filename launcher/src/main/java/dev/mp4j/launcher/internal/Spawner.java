package dev.mp4j.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts child JVMs: {@code java} from this JVM's {@code java.home}, the JVM flags a child needs, the
 * children's AOT cache where there is one ({@link AotCache}), this JVM's class path, and
 * {@link ChildMain}, all in an {@code @argfile} ({@link ArgFile}).
 *
 * <p>Spares follow demand ({@link Spares}): a program that starts one child never boots a spare; from the
 * second {@code start()} on, booted JVMs wait for the next starts, more during a burst.
 * {@value #SPARE_PROPERTY}{@code =false} turns spares off.
 */
public final class Spawner {

    static final String SPARE_PROPERTY = "mp4j.spare";
    static final String JVM_OPTIONS_PROPERTY = "mp4j.childJvmOptions";

    private static final Spares spares = new Spares(Spawner::launch);

    private Spawner() {
    }

    /**
     * A booted child JVM waiting for its payload: a spare if one is ready, else a new one. Each new JVM
     * first gets {@code warmUpSample}, a payload it may deserialize while it waits; it is asked for only
     * once a JVM has been launched, so making it never delays the launch.
     */
    public static SpawnedJvm take(Supplier<byte[]> warmUpSample) throws IOException {
        SpawnedJvm ready = spares.take(spareWanted(), warmUpSample);
        return ready != null ? ready : launch(warmUpSample);
    }

    private static boolean spareWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(SPARE_PROPERTY, "true"));
    }

    private static SpawnedJvm launch(Supplier<byte[]> warmUpSample) throws IOException {
        List<String> jvmFlags = childJvmFlags();
        AotCache.Use aot = AotCache.forChild(jvmFlags);
        List<String> args = new ArrayList<>(jvmFlags);
        args.addAll(aot.flags());
        String classPath = System.getProperty("java.class.path");
        args.add("-cp");
        args.add(aot.classPathPrefix() == null ? classPath : aot.classPathPrefix() + File.pathSeparator + classPath);
        args.add(ChildMain.class.getName());
        java.lang.Process process = new ProcessBuilder(javaExecutable(), "@" + ArgFile.of(args)).start();
        SpawnedJvm spawned = new SpawnedJvm(process);
        spawned.sendWarmUpSample(warmUpSample.get());
        return spawned;
    }

    static String javaExecutable() {
        String exe = System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java";
        return Path.of(System.getProperty("java.home"), "bin", exe).toString();
    }

    /** Every JVM flag of a child, before its class path and main class. */
    static List<String> childJvmFlags() {
        List<String> args = new ArrayList<>();
        // Small, quick-to-boot children: the serial GC and no perf-data file cost less at start.
        args.add("-XX:+UseSerialGC");
        args.add("-XX:-UsePerfData");
        args.add("-Dstdout.encoding=UTF-8");
        args.add("-Dstderr.encoding=UTF-8");
        args.add("-Dfile.encoding=UTF-8");
        args.addAll(inheritedJvmFlags());
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
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
}
