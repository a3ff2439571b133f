package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class LauncherJarTest {

    @TempDir
    Path classes;

    private String fingerprint() throws IOException {
        NameHash hash = new NameHash();
        LauncherJar.fingerprint(classes, hash);
        return hash.hex();
    }

    private void write(String name, String content, long modifiedMillis) throws IOException {
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    }

    @Test
    void aClassDirectorysFingerprintChangesWithEveryRebuiltAddedOrRemovedFileAndOnlyThen() throws IOException {
        write("dev/mp4j/A.class", "aaaa", 1_000_000);
        write("dev/mp4j/internal/B.class", "bbbb", 1_000_000);
        String built = fingerprint();

        assertThat(fingerprint()).isEqualTo(built);

        write("dev/mp4j/A.class", "aaaa", 2_000_000); // recompiled, same size
        String touched = fingerprint();
        assertThat(touched).isNotEqualTo(built);

        write("dev/mp4j/internal/B.class", "bbbbb", 2_000_000);
        String grown = fingerprint();
        assertThat(grown).isNotEqualTo(touched);

        write("dev/mp4j/internal/C.class", "", 2_000_000);
        String added = fingerprint();
        assertThat(added).isNotEqualTo(grown);

        Files.delete(classes.resolve("dev/mp4j/internal/C.class"));
        assertThat(fingerprint()).isEqualTo(grown);
    }

    @Test
    void aJarsFingerprintFollowsItsSizeAndTime() throws IOException {
        Path jar = classes.resolve("launcher.jar");
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        NameHash first = new NameHash();
        LauncherJar.fingerprint(jar, first);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        NameHash second = new NameHash();
        LauncherJar.fingerprint(jar, second);

        assertThat(second.hex()).isNotEqualTo(first.hex());
    }
}
