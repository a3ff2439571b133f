package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The per-user directory, in {@code java.io.tmpdir}, for what every parent JVM of this user shares and
 * keeps across runs: the children's argument files, the launcher's classes as a JAR and the children's
 * AOT cache. Everything in it is named by what it contains, written under a temporary name and then
 * renamed (or linked) into place, so concurrent parents never see half a file.
 */
final class CacheDirectory {

    private static volatile Path dir;

    private CacheDirectory() {
    }

    /** The directory, created 0700 on first use; null where it cannot be created. */
    static Path get() {
        Path current = dir;
        if (current == null) {
            synchronized (CacheDirectory.class) {
                if (dir == null) {
                    dir = create();
                    sweepInBackground(dir);
                }
                current = dir;
            }
        }
        return current;
    }

    private static Path create() {
        String user = safeName(System.getProperty("user.name", "user"));
        Path path = Path.of(System.getProperty("java.io.tmpdir"), "mp4j-aot-" + user);
        try {
            if (!Files.isDirectory(path)) {
                try {
                    Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(path);
                }
            }
            return Files.isWritable(path) ? path : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code name} with any character but letters, digits, '.', '_' and '-' as '_'; a loop, as a regex costs a cold JVM. */
    static String safeName(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
            safe.append(plain ? c : '_');
        }
        return safe.toString();
    }

    /** Off the caller's path, once an hour ({@link CacheSweep#due}): what no parent used for long goes. */
    private static void sweepInBackground(Path created) {
        long now = System.currentTimeMillis();
        if (created == null || !CacheSweep.due(created, now)) {
            return;
        }
        Thread.ofPlatform().daemon().name("mp4j-cache-sweep").start(() -> {
            try {
                CacheSweep.sweep(created, now);
                CacheSweep.sweepLegacyArgFiles(Path.of(System.getProperty("java.io.tmpdir")), now);
            } catch (IOException | RuntimeException bestEffort) {
                // the next sweep tries again
            }
        });
    }

    /** Puts {@code written} in place as {@code target} unless {@code target} already exists; never replaces. */
    static void publish(Path written, Path target) throws IOException {
        try {
            Files.createLink(target, written);
        } catch (java.nio.file.FileAlreadyExistsException alreadyThere) {
            // another parent published the same content first
        } catch (UnsupportedOperationException noHardLinks) {
            if (!Files.exists(target)) {
                Files.move(written, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** A temporary name beside {@code target}, unique to this JVM. */
    static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
    }
}
