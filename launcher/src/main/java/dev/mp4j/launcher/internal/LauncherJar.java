package dev.mp4j.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    /**
     * Feeds {@code hash} with what identifies the launcher's build at {@code origin}: each file's path
     * (its hash code: a rebuild changes sizes and times, not names), size and modification time. A parent runs this on its first start, in a JVM that is still cold, so
     * it walks with {@link File}: streams, lambdas and string concatenation would each be linked for
     * this one use (a stream walk of ~230 class files took over 100 ms cold, this takes a few).
     */
    static void fingerprint(Path origin, NameHash hash) throws IOException {
        File root = origin.toFile();
        if (root.isDirectory()) {
            describeTree(root, "", hash);
        } else {
            describe(root.getAbsolutePath(), root, hash);
        }
    }

    private static void describeTree(File directory, String prefix, NameHash hash) throws IOException {
        String[] names = directory.list();
        if (names == null) {
            throw new IOException("cannot list " + directory);
        }
        Arrays.sort(names);
        for (String name : names) {
            File file = new File(directory, name);
            String relative = prefix.isEmpty() ? name : prefix.concat(File.separator).concat(name);
            if (file.isDirectory()) {
                describeTree(file, relative, hash);
            } else if (file.isFile()) {
                describe(relative, file, hash);
            }
        }
    }

    private static void describe(String name, File file, NameHash hash) {
        hash.add(name.hashCode()).add(file.length()).add(file.lastModified());
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
