package dev.mp4j.asynciostyle.support;

import redis.embedded.core.ExecutableProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server on 127.0.0.1 that ends with this JVM however the JVM ends, {@code kill -9}
 * included, and leaves nothing behind. The binary (shipped inside the embedded-redis jar) is unpacked
 * into a private temporary folder and started by a small {@code /bin/sh} watchdog whose standard input
 * is a pipe from this JVM: when that pipe closes ({@link #close()}, or the JVM's death, which the
 * kernel closes for it) the watchdog stops redis-server and deletes the folder. A shutdown hook or
 * {@code deleteOnExit} would not run on {@code kill -9}.
 */
final class RedisServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final String READY = "Ready to accept connections";

    // $1 binary, $2 port, $3 folder. Ctrl+C and a closed terminal reach redis-server itself; the
    // watchdog ignores them so that it still cleans up once this JVM has gone.
    private static final String WATCHDOG = """
            trap '' INT HUP
            "$1" --bind 127.0.0.1 --port "$2" --dir "$3" --save '' --appendonly no &
            redis=$!
            cat > /dev/null
            kill "$redis" 2>/dev/null
            wait "$redis"
            rm -rf "$3"
            """;

    private final Process watchdog;
    private final Path folder;

    private RedisServerProcess(Process watchdog, Path folder) {
        this.watchdog = watchdog;
        this.folder = folder;
    }

    /** Unpacks redis-server, starts it on {@code port} and returns once it accepts connections. */
    static RedisServerProcess start(int port) throws IOException {
        Path folder = Files.createTempDirectory("mp4j-redis-");
        Process watchdog;
        try {
            Path binary = ExecutableProvider.newJarResourceProvider(folder.toFile()).get().toPath();
            watchdog = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, "redis-watchdog",
                    binary.toString(), Integer.toString(port), folder.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
        RedisServerProcess server = new RedisServerProcess(watchdog, folder);
        try {
            server.awaitReady(port);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Reads redis-server's log until it is ready, then keeps draining it so that logging never blocks. */
    private void awaitReady(int port) throws IOException {
        BufferedReader log = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        // A server that neither gets ready nor exits is killed, which ends its log and the loop below.
        Thread timeout = Thread.ofVirtual().start(() -> {
            try {
                if (!watchdog.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    killAll();
                }
            } catch (InterruptedException ready) {
                // ready in time
            }
        });
        try {
            for (String line; (line = log.readLine()) != null; ) {
                lines.add(line);
                if (line.contains(READY)) {
                    Thread.ofVirtual().name("redis-log-drain").start(() -> drain(log));
                    return;
                }
            }
        } finally {
            timeout.interrupt();
        }
        throw new IOException("redis-server ended, or was not ready within " + START_TIMEOUT_SECONDS + " s, on 127.0.0.1:" + port
                + "; it printed: " + String.join("\n", lines));
    }

    private static void drain(BufferedReader log) {
        try (log) {
            while (log.readLine() != null) {
                // redis-server's log lines are not shown
            }
        } catch (IOException ignored) {
            // the watchdog has ended
        }
    }

    /** Stops redis-server and deletes its folder, waiting for both. */
    @Override
    public void close() throws IOException {
        watchdog.getOutputStream().close(); // end of input: the watchdog stops redis-server, deletes the folder
        boolean stopped;
        try {
            stopped = watchdog.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            killAll();
        }
        deleteQuietly(folder); // already gone, unless the watchdog was killed before it got there
        if (!stopped) {
            throw new IOException("redis-server did not stop within " + STOP_TIMEOUT_SECONDS + " s; killed");
        }
    }

    private void killAll() {
        watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        watchdog.destroyForcibly();
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // nothing more can be done; the folder is in the temporary directory
        }
    }
}
