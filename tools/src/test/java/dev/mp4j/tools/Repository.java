package dev.mp4j.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder: Surefire passes it as {@code mp4j.root}; else this module's parent. */
final class Repository {

    static final Path ROOT = locate();

    private Repository() {
    }

    private static Path locate() {
        Path root = Path.of(System.getProperty("mp4j.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("run")) || !Files.isRegularFile(root.resolve("EXAMPLES.md"))) {
            throw new IllegalStateException(root + " is not the repository's root (no run script or EXAMPLES.md)");
        }
        return root;
    }
}
