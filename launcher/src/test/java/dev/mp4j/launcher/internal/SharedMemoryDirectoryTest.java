package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.Array;
import dev.mp4j.launcher.Lock;
import dev.mp4j.launcher.Processes;
import dev.mp4j.launcher.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where shared memory lives: a directory only its owner can enter, removed when the owner exits. */
class SharedMemoryDirectoryTest {

    @Test
    void sharedMemoryLivesInAPrivateDirectoryThatGoesAwayWithItsCreator() throws Exception {
        new Value('i', 1);
        Path dir = SharedMemory.directoryOrNull();
        assertThat(dir).isNotNull();
        if (Files.isDirectory(Path.of("/dev/shm"))) {
            assertThat(dir.getParent()).isEqualTo(Path.of("/dev/shm"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");

        // a child allocates its own memory and reports where; after it exits the directory is gone
        Value childDir = Value.raw('i', 0);
        Array path = Array.raw('b', 512);
        Processes.joinOk(Processes.start(() -> {
            new Lock();
            byte[] bytes = SharedMemory.directoryOrNull().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                path.set(i, bytes[i]);
            }
            childDir.setInt(bytes.length);
        }));
        byte[] bytes = new byte[childDir.getInt()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = path.get(i).byteValue();
        }
        Path childPath = Path.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(childPath).isNotEqualTo(dir);
        assertThat(Files.exists(childPath)).isFalse();
    }
}
