package dev.mp4j.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Class-data sharing for child JVMs, where the class path allows it. A CDS archive of the classes a
 * child loads (the JDK's and the launcher's, object streams and lambda machinery included) saves a
 * child a good part of its start-up CPU. HotSpot archives only from JAR files, so this applies when the
 * class path is all JARs (a packaged application, {@code bench/run}); with class directories (an IDE,
 * Maven's test runs) children start without it.
 *
 * <p>The first child started with an eligible class path dumps the archive at its exit into a temporary
 * file, which is then renamed into place; later children map it. The archive's name hashes the JDK and
 * every JAR's path, size and modification time, so a rebuilt JAR gets a new archive.
 * {@value #PROPERTY}{@code =false} turns this off.
 */
final class ClassDataArchive {

    static final String PROPERTY = "mp4j.cds";

    private static final Object lock = new Object();
    private static Path archive;
    private static boolean eligible;
    private static boolean dumping;

    private ClassDataArchive() {
    }

    /** The flags for the next child, and a note of whether that child will write the archive. */
    static List<String> flagsForNextChild() {
        synchronized (lock) {
            if (archive == null) {
                archive = locate();
                eligible = archive != null;
            }
            if (!eligible) {
                return List.of();
            }
            if (Files.isRegularFile(archive)) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
            if (dumping) {
                return List.of();
            }
            dumping = true;
            return List.of("-XX:ArchiveClassesAtExit=" + temporaryFile(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
    }

    /** Called when a child exits: moves a finished dump into place. */
    static void childExited(List<String> flags) {
        if (flags.isEmpty() || !flags.getFirst().startsWith("-XX:ArchiveClassesAtExit=")) {
            return;
        }
        Path dumped = temporaryFile();
        try {
            if (Files.isRegularFile(dumped) && Files.size(dumped) > 0) {
                Files.move(dumped, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // no archive this time: children keep starting without it
        } finally {
            synchronized (lock) {
                dumping = false;
            }
        }
    }

    private static Path temporaryFile() {
        return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    private static Path locate() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"))) {
            return null;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty()) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
            digest.update(System.getProperty("java.vm.version").getBytes(StandardCharsets.UTF_8));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                    return null; // a class directory: HotSpot cannot archive from it
                }
                digest.update((jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "mp4j-cds-" + System.getProperty("user.name"));
            Files.createDirectories(dir);
            return dir.resolve(HexFormat.of().formatHex(digest.digest(), 0, 12) + ".jsa");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
