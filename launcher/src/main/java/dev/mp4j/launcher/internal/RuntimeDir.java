package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's private directory for Unix-domain sockets: readable by its owner only, short
 * enough for Unix-domain socket paths (about 100 bytes), and deleted when the JVM exits.
 */
public final class RuntimeDir {

    private static final AtomicLong names = new AtomicLong();
    private static volatile Path dir;

    private RuntimeDir() {
    }

    /** A fresh path inside the directory, e.g. {@code /tmp/mp4j-1234-x/l7.sock}; nothing is created. */
    public static Path newPath(String prefix, String suffix) {
        return get().resolve(prefix + names.incrementAndGet() + suffix);
    }

    static Path get() {
        Path current = dir;
        if (current == null) {
            synchronized (RuntimeDir.class) {
                if (dir == null) {
                    dir = create();
                }
                current = dir;
            }
        }
        return current;
    }

    private static Path create() {
        try {
            return PrivateDirectory.create(Path.of(System.getProperty("java.io.tmpdir")), "mp4j-", "mp4j-runtime-dir-cleanup");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create mp4j's private runtime directory", e);
        }
    }
}
