package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSweepTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    @Test
    void keepsTheMostRecentlyUsedCachesAndThoseUsedWithinTheHour() throws IOException {
        cacheUsed("a", NOW - 10 * HOUR);
        cacheUsed("b", NOW - 20 * HOUR);
        cacheUsed("c", NOW - 30 * HOUR);
        cacheUsed("d", NOW - 40 * HOUR); // fourth most recent and old: goes, with its plain cache, jar and lock
        cacheUsed("e", NOW - 50 * HOUR);

        CacheSweep.sweep(dir, NOW);

        assertThat(names()).containsExactlyInAnyOrder(
                "child-a.aot", "plain-a.aot", "child-a.aot.lock", "launcher-a.jar",
                "child-b.aot", "plain-b.aot", "child-b.aot.lock", "launcher-b.jar",
                "child-c.aot", "plain-c.aot", "child-c.aot.lock", "launcher-c.jar");
    }

    @Test
    void aCacheUsedWithinTheHourStaysEvenBeyondTheCount() throws IOException {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cacheUsed(key, NOW - HOUR / 2);
        }

        CacheSweep.sweep(dir, NOW);

        assertThat(names()).filteredOn(name -> name.endsWith(".aot")).hasSize(8);
    }

    @Test
    void argumentFilesGoAfterDaysUnused() throws IOException {
        touch("child-recent.args", NOW - 24 * HOUR);
        touch("child-old.args", NOW - (CacheSweep.ARGFILE_DAYS * 24 + 1) * HOUR);
        touch("unrelated.txt", NOW - 1000 * HOUR);

        CacheSweep.sweep(dir, NOW);

        assertThat(names()).containsExactlyInAnyOrder("child-recent.args", "unrelated.txt");
    }

    @Test
    void temporaryFilesLeftByAWriterThatDiedGoAfterAnHour() throws IOException {
        touch("launcher-a.jar.4242.1f2e3d.tmp", NOW - 2 * HOUR); // a copy cut short
        touch("child-b.args.4242.1f2e3e.tmp", NOW - 2 * HOUR);
        touch("child-c.aot.training.tmp", NOW - 2 * HOUR);
        touch("plain-c.aot.training.tmp", NOW - 2 * HOUR);
        touch("launcher-d.jar.4343.1f2e3f.tmp", NOW - HOUR / 60); // being written now
        touch("unrelated.tmp", NOW - 1000 * HOUR);

        CacheSweep.sweep(dir, NOW);

        assertThat(names()).containsExactlyInAnyOrder("launcher-d.jar.4343.1f2e3f.tmp", "unrelated.tmp");
    }

    @Test
    void aSweepIsDueOnceAnHourWhateverTheNumberOfJvms() throws IOException {
        assertThat(CacheSweep.due(dir, NOW)).isTrue();
        assertThat(CacheSweep.due(dir, NOW + 1)).isFalse();
        assertThat(CacheSweep.due(dir, NOW + HOUR - 1)).isFalse();
        assertThat(CacheSweep.due(dir, NOW + HOUR)).isTrue();
        assertThat(Files.getLastModifiedTime(dir.resolve(CacheSweep.MARKER)).toMillis()).isEqualTo(NOW + HOUR);
        assertThat(CacheSweep.due(dir, NOW)).as("the clock moved back an hour").isTrue();
    }

    @Test
    void legacyArgumentFilesInTheTemporaryDirectoryGoAfterADayUnused() throws IOException {
        touch("mp4j-child-1234.args", NOW - 25 * HOUR);
        touch("mp4j-child-5678.args", NOW - 23 * HOUR);
        touch("mp4j-child-9999.txt", NOW - 100 * HOUR);
        touch("other.args", NOW - 100 * HOUR);

        CacheSweep.sweepLegacyArgFiles(dir, NOW);

        assertThat(names()).containsExactlyInAnyOrder("mp4j-child-5678.args", "mp4j-child-9999.txt", "other.args");
    }

    private void cacheUsed(String key, long when) throws IOException {
        touch("child-" + key + ".aot", when);
        touch("plain-" + key + ".aot", when);
        touch("child-" + key + ".aot.lock", when);
        touch("launcher-" + key + ".jar", when);
    }

    private void touch(String name, long when) throws IOException {
        Path file = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.fromMillis(when));
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }
}
