package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A child's command line as a {@code java @argfile} (long class paths, Windows). The file is named by a
 * hash of its content and kept in the shared {@link CacheDirectory}: every parent with the same command
 * line uses the same file, nothing deletes it at exit, so a JVM still booting when its parent exits
 * always finds it, and a parent killed with SIGKILL leaves nothing of its own behind. Each JVM touches
 * the files it uses, so that {@link CacheSweep} removes only those nobody needed for days (it also
 * removes the files of the older per-parent scheme).
 */
final class ArgFile {

    private static final Set<Path> usedByThisJvm = ConcurrentHashMap.newKeySet();

    private ArgFile() {
    }

    /** The path of an argument file holding {@code args}, written now if no parent wrote it before. */
    static Path of(List<String> args) throws IOException {
        String content = String.join(System.lineSeparator(), quoted(args));
        Path dir = CacheDirectory.get();
        if (dir == null) {
            throw new IOException("no writable directory for mp4j's child argument files in " + System.getProperty("java.io.tmpdir"));
        }
        Path file = dir.resolve("child-" + new NameHash().add(content).hex() + ".args");
        if (!Files.isRegularFile(file)) {
            Path written = CacheDirectory.temporary(file);
            Files.writeString(written, content, StandardCharsets.UTF_8);
            CacheDirectory.publish(written, file);
        } else if (usedByThisJvm.add(file)) {
            file.toFile().setLastModified(System.currentTimeMillis()); // in use: keep it from the sweep (File: no NIO lambda cold)
        }
        return file;
    }

    private static List<String> quoted(List<String> args) {
        List<String> lines = new ArrayList<>(args.size());
        for (String arg : args) {
            lines.add('"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return lines;
    }
}
