package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The launcher's own classes as a JAR: where they come from (a JAR, or a class directory in an IDE or a
 * Maven test run), a fingerprint of that origin (paths, sizes, modification times: no file is read), and
 * a copy as a JAR. HotSpot archives classes from JARs only; with this copy first on a child's class path,
 * the part of the class path an AOT cache covers is all JAR, whatever the parent runs from.
 */
final class LauncherJar {

    private LauncherJar() {
    }

    /** The JAR or directory the launcher's classes were loaded from, or null when unknown. */
    static Path origin() {
        try {
            var source = ChildMain.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Feeds {@code hash} with what identifies the launcher's build at {@code origin}. */
    static void fingerprint(Path origin, NameHash hash) throws IOException {
        if (Files.isDirectory(origin)) {
            try (Stream<Path> walk = Files.walk(origin)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    describe(origin.relativize(file).toString(), file, hash);
                }
            }
        } else {
            describe(origin.toAbsolutePath().toString(), origin, hash);
        }
    }

    private static void describe(String name, Path file, NameHash hash) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        hash.add(name + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis() + "\n");
    }

    /** Writes the launcher's classes at {@code origin} as a JAR at {@code target}, unless one is already there. */
    static void copy(Path origin, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        Path written = CacheDirectory.temporary(target);
        if (Files.isDirectory(origin)) {
            try (OutputStream file = Files.newOutputStream(written); ZipOutputStream jar = new ZipOutputStream(file);
                 Stream<Path> walk = Files.walk(origin)) {
                List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
                for (Path each : files) {
                    jar.putNextEntry(new ZipEntry(origin.relativize(each).toString().replace('\\', '/')));
                    Files.copy(each, jar);
                    jar.closeEntry();
                }
            }
        } else {
            Files.copy(origin, written);
        }
        CacheDirectory.publish(written, target);
    }
}
