package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Private directories: owner-only, named after this process, never shared between two creations. */
@Timeout(60)
class PrivateDirectoryTest {

    @TempDir
    Path base;

    @Test
    void eachCreationIsANewOwnerOnlyDirectoryNamedAfterThisProcess() throws Exception {
        Path first = PrivateDirectory.create(base, "mp4j-test-", "mp4j-test-cleanup");
        Path second = PrivateDirectory.create(base, "mp4j-test-", "mp4j-test-cleanup");
        assertThat(first).isNotEqualTo(second);
        for (Path dir : new Path[] {first, second}) {
            assertThat(dir.getParent()).isEqualTo(base);
            assertThat(dir.getFileName().toString()).matches("mp4j-test-" + ProcessHandle.current().pid() + "-[0-9a-f]{16}");
            assertThat(Files.isDirectory(dir)).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
    }
}
