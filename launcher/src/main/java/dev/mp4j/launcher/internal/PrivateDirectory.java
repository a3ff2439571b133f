package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory only this user can enter (0700 where the file system has POSIX permissions), named
 * {@code <prefix><pid>-...}, and deleted with its contents when this JVM exits. A JVM killed with
 * SIGKILL runs no exit hook, so creating one also sweeps away, in the background, the directories of
 * the same prefix whose owner process is gone. Sockets ({@link RuntimeDir}) and shared memory
 * ({@link SharedMemory}) each have one.
 */
final class PrivateDirectory {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final int MAX_ATTEMPTS = 100;

    private PrivateDirectory() {
    }

    static Path create(Path base, String prefix, String cleanupThreadName) throws IOException {
        Path dir = createUnique(base, prefix + ProcessHandle.current().pid() + "-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), cleanupThreadName));
        Thread.ofPlatform().daemon().name(cleanupThreadName + "-sweep").start(() -> sweepOrphans(base, prefix));
        return dir;
    }

    /**
     * A new directory {@code <name><random hex>}: {@code createDirectory} fails rather than reuse an existing
     * entry, so a name taken (or planted) by another user costs only another draw. Not
     * {@code Files.createTempDirectory}, whose names come from a {@code SecureRandom}: setting that up
     * loads the JDK's security providers, 25–35 ms of a program's first queue, lock or listener.
     */
    private static Path createUnique(Path base, String name) throws IOException {
        FileAttribute<?>[] ownerOnly = base.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {OWNER_ONLY}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            Path dir = base.resolve(name + HexFormat.of().formatHex(KernelRandom.bytes(8)));
            try {
                return Files.createDirectory(dir, ownerOnly);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == MAX_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    /** Removes the directories named {@code <prefix><pid>-...} of processes that no longer exist. */
    private static void sweepOrphans(Path base, String prefix) {
        try (Stream<Path> entries = Files.list(base)) {
            for (Path dir : entries.toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(prefix) || !Files.isDirectory(dir)) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name.substring(prefix.length()).split("-", 2)[0]);
                    if (ProcessHandle.of(pid).isEmpty() && Files.isWritable(dir)) {
                        deleteTree(dir);
                    }
                } catch (NumberFormatException ignored) {
                    // another kind of mp4j file (mp4j-shm-..., mp4j-aot-...): not this prefix's
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    /** Best effort: whatever cannot be deleted stays. */
    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
