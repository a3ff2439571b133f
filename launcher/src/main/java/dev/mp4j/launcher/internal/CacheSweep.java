package dev.mp4j.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the shared {@link CacheDirectory} from growing without end. Every rebuild of the launcher or a
 * new JDK keys a new pair of AOT caches (~16 and ~12 MB), and every new class path a new argument file, while nothing
 * deletes them at exit. Users touch what they use ({@link AotCache}, {@link ArgFile}: once per JVM), so
 * the modification time says when an entry was last needed. A sweep keeps the {@value #CACHES_KEPT}
 * most recently used keys' caches and any used within the last hour, with their JARs and lock files, and
 * argument files used within {@value #ARGFILE_DAYS} days. Temporary files ({@code *.tmp}, written
 * and then renamed into place) untouched for an hour go too: their writer died half-way, as a parent
 * that exits while its daemon thread copies the launcher's JAR does. A child still booting from a
 * deleted file is unharmed: only entries unused for an hour or more go, and an open file outlives its name.
 *
 * <p>A sweep is due once an hour per directory, not once per JVM ({@link #due}): most programs are short,
 * and a sweep's listing and file-time reads would compete with their first start for the cores. The same
 * sweep removes the argument files of the older per-parent scheme ({@code mp4j-child-*.args} in the
 * temporary directory) untouched for a day; their names carry no owner to check.
 */
final class CacheSweep {

    static final int CACHES_KEPT = 3;
    static final int ARGFILE_DAYS = 2;
    /** Touched by each sweep: its modification time says when {@code dir} was last swept. */
    static final String MARKER = "last-sweep";
    private static final long HOUR_MILLIS = 3_600_000L;

    private CacheSweep() {
    }

    /**
     * True when no JVM swept {@code dir} within the hour before {@code now}; then the marker is touched at
     * once, so that the parents starting beside this one leave the sweep to it. One stat otherwise, with
     * {@link File}: a first start must not load more of NIO for it. Two parents racing may both sweep,
     * which is harmless.
     */
    static boolean due(Path dir, long now) {
        File marker = new File(dir.toFile(), MARKER);
        long sinceLastSweep = now - marker.lastModified(); // no marker: 0, long ago
        if (sinceLastSweep >= 0 && sinceLastSweep < HOUR_MILLIS) { // a marker from the future: the clock moved back
            return false;
        }
        try {
            marker.createNewFile();
        } catch (IOException unwritable) {
            return false; // a directory nobody can write to holds nothing of ours to sweep
        }
        return marker.setLastModified(now);
    }

    /** Argument files of the older scheme, one per parent, that a killed parent left in {@code tempDir}. */
    static void sweepLegacyArgFiles(Path tempDir, long now) throws IOException {
        List<Path> entries;
        try (Stream<Path> listed = Files.list(tempDir)) {
            entries = listed.toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith("mp4j-child-") && name.endsWith(".args") && Files.isRegularFile(entry)
                    && lastUsed(entry) < now - 24 * HOUR_MILLIS) {
                Files.deleteIfExists(entry);
            }
        }
    }

    /** Deletes what nobody used for long in {@code dir}; {@code now} in epoch milliseconds. */
    static void sweep(Path dir, long now) throws IOException {
        List<Path> entries;
        try (Stream<Path> listed = Files.list(dir)) {
            entries = listed.toList();
        }
        List<Path> caches = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith("child-") && name.endsWith(".aot")) {
                caches.add(entry);
            } else if (name.startsWith("child-") && name.endsWith(".args")
                    && lastUsed(entry) < now - ARGFILE_DAYS * 24 * HOUR_MILLIS) {
                Files.deleteIfExists(entry);
            } else if ((name.startsWith("child-") || name.startsWith("plain-") || name.startsWith("launcher-")) && name.endsWith(".tmp")
                    && lastUsed(entry) < now - HOUR_MILLIS) {
                Files.deleteIfExists(entry);
            }
        }
        caches.sort(Comparator.comparingLong(CacheSweep::lastUsed).reversed());
        for (int i = CACHES_KEPT; i < caches.size(); i++) {
            Path cache = caches.get(i);
            if (lastUsed(cache) < now - HOUR_MILLIS) {
                deleteKey(dir, key(cache));
            }
        }
    }

    /** The key of {@code child-KEY.aot}. */
    private static String key(Path cache) {
        String name = cache.getFileName().toString();
        return name.substring("child-".length(), name.length() - ".aot".length());
    }

    private static void deleteKey(Path dir, String key) throws IOException {
        Path cache = dir.resolve("child-" + key + ".aot");
        Files.deleteIfExists(AotCache.lockFile(cache));
        Files.deleteIfExists(AotCache.failureMarker(cache));
        Files.deleteIfExists(dir.resolve("launcher-" + key + ".jar"));
        Files.deleteIfExists(AotCache.plainOf(cache));
        Files.deleteIfExists(cache);
    }

    private static long lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry).toMillis();
        } catch (IOException gone) {
            return Long.MAX_VALUE; // another sweep got there first: leave it
        }
    }
}
