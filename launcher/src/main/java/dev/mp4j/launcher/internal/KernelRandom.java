package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Random bytes like CPython's {@code os.urandom}: from the kernel's generator where there is one, which
 * is what {@code SecureRandom} reads too, after loading the JDK's security providers (tens of
 * milliseconds in a fresh JVM, a program's first {@code start()} or a child's first connection).
 */
final class KernelRandom {

    private KernelRandom() {
    }

    static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        try (InputStream kernel = Files.newInputStream(Path.of("/dev/urandom"))) {
            if (kernel.readNBytes(bytes, 0, count) == count) {
                return bytes;
            }
        } catch (IOException | RuntimeException noKernelGenerator) {
            // Windows, or a sandbox without /dev
        }
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
