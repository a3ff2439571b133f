package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.support.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The private redis-server of {@link LocalRedis} ends with its JVM however the JVM ends, and its
 * unpacked binary's folder goes with it: on {@code close()}, and on {@code kill -9} of the JVM.
 */
@Timeout(120)
class LocalRedisLeavesNothingBehindTest {

    @Test
    void closeStopsTheServerAndDeletesItsFolder() throws Exception {
        LocalRedis redis = LocalRedis.start();
        ProcessHandle server = redisServer(ProcessHandle.current().descendants(), redis.address().getPort());
        Path folder = folderOf(server);
        assertThat(folder).isDirectory();

        redis.close();

        assertThat(server.isAlive()).isFalse();
        assertThat(folder).doesNotExist();
    }

    @Test
    void killMinusNineOfTheJvmStopsTheServerAndDeletesItsFolder() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                RedisHoldingJvm.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().remove("REDIS_URL");
        Process jvm = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(ready).startsWith("ready ");
            int port = Integer.parseInt(ready.substring("ready ".length()));
            ProcessHandle server = redisServer(jvm.toHandle().descendants(), port);
            Path folder = folderOf(server);
            assertThat(folder).isDirectory();

            jvm.destroyForcibly();                       // SIGKILL: no shutdown hook runs
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(jvm.exitValue()).isEqualTo(128 + 9);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(server.isAlive()).as("redis-server of the killed JVM").isFalse();
                assertThat(folder).as("its unpacked binary's folder").doesNotExist();
            });
            assertThat(ProcessHandle.allProcesses().filter(process -> runsFrom(process, folder)))
                    .as("processes running a binary of %s", folder).isEmpty();
        } finally {
            jvm.destroyForcibly();
        }
    }

    /**
     * The redis-server serving {@code port}: the child of the watchdog whose arguments name that port
     * (redis-server itself rewrites its command line, which then no longer shows it).
     */
    private static ProcessHandle redisServer(Stream<ProcessHandle> candidates, int port) {
        List<ProcessHandle> watchdogs = candidates.filter(process -> arguments(process).contains("redis-watchdog")
                && arguments(process).contains(Integer.toString(port))).toList();
        assertThat(watchdogs).as("one redis watchdog for port %d", port).hasSize(1);
        List<ProcessHandle> servers = watchdogs.getFirst().children()
                .filter(process -> process.info().command().orElse("").contains("redis-server")).toList();
        assertThat(servers).as("redis-server started by the watchdog for port %d", port).hasSize(1);
        return servers.getFirst();
    }

    private static List<String> arguments(ProcessHandle process) {
        return List.of(process.info().arguments().orElse(new String[0]));
    }

    /** The private folder its binary was unpacked into. */
    private static Path folderOf(ProcessHandle server) {
        Path folder = Path.of(server.info().command().orElseThrow()).getParent();
        assertThat(folder.getFileName().toString()).startsWith("mp4j-redis-");
        assertThat(folder).isDirectory();
        return folder;
    }

    private static boolean runsFrom(ProcessHandle process, Path folder) {
        return process.info().command().orElse("").startsWith(folder + "/");
    }
}
