package dev.mp4j.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * This JVM's private directory for sockets and shared-memory files: readable by its owner only, short
 * enough for Unix-domain socket paths (about 100 bytes), and deleted when the JVM exits.
 */
final class RuntimeDir {

    private static final AtomicLong names = new AtomicLong();
    private static volatile Path dir;

    private RuntimeDir() {
    }

    /** A fresh path inside the directory, e.g. {@code /tmp/mp4j-1234-x/l7.sock}; nothing is created. */
    static Path newPath(String prefix, String suffix) {
        return get().resolve(prefix + names.incrementAndGet() + suffix);
    }

    static Path get() {
        Path current = dir;
        if (current == null) {
            synchronized (RuntimeDir.class) {
                if (dir == null) {
                    dir = create();
                    Runtime.getRuntime().addShutdownHook(new Thread(RuntimeDir::delete, "mp4j-runtime-dir-cleanup"));
                }
                current = dir;
            }
        }
        return current;
    }

    private static Path create() {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            String prefix = "mp4j-" + ProcessHandle.current().pid() + "-";
            try {
                return Files.createTempDirectory(base, prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                return Files.createTempDirectory(base, prefix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create mp4j's private runtime directory", e);
        }
    }

    private static void delete() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
