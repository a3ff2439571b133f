package dev.mp4j.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tools/find-jdk25}: a JDK in JAVA_HOME is taken when it is 25 or newer, and only then. */
@Timeout(60)
class FindJdk25Test {

    @TempDir
    Path folder;

    @Test
    void aJdk25InJavaHomeIsTaken() throws IOException {
        assertThat(findWithJavaHome(jdkWithRelease("jdk-25", "25.0.3"))).isEqualTo(folder.resolve("jdk-25").toString());
    }

    @Test
    void aNewerJdkIsTakenToo() throws IOException {
        assertThat(findWithJavaHome(jdkWithRelease("jdk-26", "26-ea"))).isEqualTo(folder.resolve("jdk-26").toString());
    }

    @Test
    void anOlderJdkIsPassedOver() throws IOException {
        assertThat(findWithJavaHome(jdkWithRelease("jdk-17", "17.0.15"))).isNotEqualTo(folder.resolve("jdk-17").toString());
        assertThat(findWithJavaHome(jdkWithRelease("jdk-8", "1.8.0_392"))).isNotEqualTo(folder.resolve("jdk-8").toString());
    }

    @Test
    void withoutAReleaseFileTheJdksOwnJavaTellsItsVersion() throws IOException {
        Path jdk = fakeJdk("jdk-no-release");
        executable(jdk.resolve("bin/java"), "#!/bin/sh\necho '    java.specification.version = 25' >&2\n");
        assertThat(findWithJavaHome(jdk)).isEqualTo(jdk.toString());
    }

    private String findWithJavaHome(Path javaHome) {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", javaHome.toString());
        return ScriptRun.of("tools/find-jdk25", List.of(), environment).out().strip();
    }

    private Path jdkWithRelease(String name, String version) throws IOException {
        Path jdk = fakeJdk(name);
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return jdk;
    }

    /** A folder shaped like a JDK home: bin/javac is there and executable. */
    private Path fakeJdk(String name) throws IOException {
        Path jdk = folder.resolve(name);
        Files.createDirectories(jdk.resolve("bin"));
        executable(jdk.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
        return jdk;
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
