package dev.mp4j.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * JDK AOT caches (JEPs 483, 514, 515) for child JVMs: the classes a child loads, already parsed and
 * linked, with method profiles from a training run, mapped at boot. There are two, one per
 * {@link ChildKind}: the full cache, and a plain one for children whose target needs no object stream
 * and no socket, smaller because every child pays for all of its cache's classes. Children run with the launcher's
 * classes first on their class path, from a copy as a JAR ({@link LauncherJar}), so the cache serves any
 * parent, class directories included; the parent's own class path follows unchanged.
 *
 * <p>The caches are keyed by the JDK, the launcher's build and the children's JVM flags, and shared by
 * every parent of this user ({@link CacheDirectory}). When one is missing, its children start without it
 * (a plain child from the full cache, if that one is there) and one detached JVM ({@link AotTrainer})
 * builds both in the background, once per machine and key: it
 * outlives a short parent by the few seconds training takes, holds a file lock so concurrent parents
 * never train twice, and renames each finished cache into place. A failed training is remembered and
 * not retried for a day. Where anything of this is unavailable, children simply start without the
 * cache and nothing is printed. {@value #PROPERTY}{@code =false} turns it off.
 */
final class AotCache {

    static final String PROPERTY = "mp4j.aot";
    private static final long FAILURE_MEMORY_MILLIS = 24L * 3600 * 1000;

    private static final Object lock = new Object();
    private static boolean located;
    private static Path jar;
    private static Path cache;
    private static Path plainCache;
    private static boolean trainerLaunched;
    private static boolean touched;

    private AotCache() {
    }

    /**
     * What a child launched now adds before its class path: the AOT cache flags and the launcher's JAR,
     * or nothing while there is no cache (then training starts in the background).
     */
    static Use forChild(List<String> jvmFlags, ChildKind kind) {
        synchronized (lock) {
            if (!located) {
                located = true;
                locate(jvmFlags);
            }
            if (cache == null) {
                return Use.NONE;
            }
            boolean plainReady = Files.isRegularFile(plainCache);
            boolean fullReady = Files.isRegularFile(cache);
            if ((!plainReady || !fullReady) && !trainerLaunched) {
                trainerLaunched = true;
                Path origin = LauncherJar.origin();
                Thread.ofPlatform().daemon().name("mp4j-aot-training").start(() -> launchTrainer(origin, jvmFlags));
            }
            Path chosen = kind == ChildKind.PLAIN && plainReady ? plainCache : fullReady ? cache : null;
            if (chosen == null || !Files.isRegularFile(jar)) {
                return Use.NONE;
            }
            touchOnce();
            return new Use(List.of("-XX:AOTCache=" + chosen, "-Xlog:aot=off", "-Xlog:cds=off"), jar.toString());
        }
    }

    /** Flags to add, and the JAR to put first on the class path (null for none). */
    record Use(List<String> flags, String classPathPrefix) {
        static final Use NONE = new Use(List.of(), null);
    }

    private static void locate(List<String> jvmFlags) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"))) {
            return;
        }
        Path origin = LauncherJar.origin();
        Path dir = CacheDirectory.get();
        if (origin == null || dir == null) {
            return;
        }
        try {
            NameHash hash = new NameHash().add(System.getProperty("java.home") + "|" + System.getProperty("java.vm.version") + "|"
                    + String.join(" ", jvmFlags));
            LauncherJar.fingerprint(origin, hash);
            String key = hash.hex();
            jar = dir.resolve("launcher-" + key + ".jar");
            cache = dir.resolve("child-" + key + ".aot");
            plainCache = plainOf(cache);
        } catch (IOException | RuntimeException e) {
            cache = null;
        }
    }

    /**
     * The most recent use, so that a sweep can tell caches in use from abandoned ones; with {@link File}, a
     * single call, where NIO's attribute view links a lambda in a parent still cold. A failure is ignored:
     * the time is only a hint for sweeping.
     */
    private static void touchOnce() {
        if (!touched) {
            touched = true;
            cache.toFile().setLastModified(System.currentTimeMillis());
        }
    }

    /** The plain cache of the key whose full cache is {@code cache} ({@code child-KEY.aot}): {@code plain-KEY.aot}. */
    static Path plainOf(Path cache) {
        return cache.resolveSibling("plain-" + cache.getFileName().toString().substring("child-".length()));
    }

    static Path lockFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".lock");
    }

    static Path failureMarker(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".failed");
    }

    private static void launchTrainer(Path origin, List<String> jvmFlags) {
        try {
            Path failed = failureMarker(cache);
            if (Files.isRegularFile(failed)
                    && System.currentTimeMillis() - Files.getLastModifiedTime(failed).toMillis() < FAILURE_MEMORY_MILLIS) {
                return;
            }
            if (trainingUnderWay()) {
                return;
            }
            LauncherJar.copy(origin, jar);
            List<String> command = new ArrayList<>();
            command.add(Spawner.javaExecutable());
            command.addAll(jvmFlags);
            command.add("-D" + Spawner.SPARE_PROPERTY + "=false");
            command.add("-D" + PROPERTY + "=false");
            String extra = System.getProperty(Spawner.JVM_OPTIONS_PROPERTY);
            if (extra != null && !extra.isBlank()) {
                command.add("-D" + Spawner.JVM_OPTIONS_PROPERTY + "=" + extra);
            }
            command.add("-cp");
            command.add(jar.toString());
            command.add(AotTrainer.class.getName());
            command.add(cache.toString());
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException ignored) {
            // no cache this time: children start without it
        }
    }

    /** True when another JVM holds the training lock right now. */
    private static boolean trainingUnderWay() throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile(cache), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
            return true;
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
