package dev.mp4j.bench;

import dev.mp4j.bench.echo.EchoLoadClient;
import dev.mp4j.bench.echo.EchoServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Chapter 07's echo servers against CPython's {@code selectors} echo server ({@code bench/python/selectors_echo.py}),
 * each in its own process on 127.0.0.1, all driven by the same {@link EchoLoadClient}:
 * <ul>
 *   <li>{@code selectors.echo_rate*}: intact echo round trips per second with 100 concurrent connections
 *       (64-byte messages, one in flight per connection; median of 3 runs of 2 s after a warm-up);</li>
 *   <li>{@code selectors.max_connections*}: the largest of 1 000, 5 000 and 10 000 connections held open
 *       at once with every echo correct (5 echoes on each);</li>
 *   <li>{@code selectors.server_cpu*}: CPU time the server process spent per round trip during the rate runs,
 *       which says more than a rate on a machine shared with other work.</li>
 * </ul>
 * The client uses 2 threads ({@code -Dselectors.clientThreads}); {@code -Dselectors.levels=1000,5000,10000}
 * sets the connection counts tried (empty skips them).
 * Figures without a suffix are the selector server (S01); {@code _virtual_threads} is the thread-per-connection
 * server. The load client and each server need one file descriptor per connection (check {@code ulimit -n}).
 */
public final class SelectorsBench {

    private static final int RATE_CONNECTIONS = 100;
    private static final int MESSAGE_SIZE = 64;
    private static final int CLIENT_THREADS = Integer.getInteger("selectors.clientThreads", 2);
    private static final int HOLD_ROUNDS = 5;

    private SelectorsBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("# open-file limit of this process: " + openFileLimit());
        Map<String, Double> java = measure("selector", "selectors.", "");
        Map<String, Double> virtual = measure("virtual", "selectors.", "_virtual_threads");
        Map<String, Double> cpython = new LinkedHashMap<>();
        if (onPath("python3") && Files.isRegularFile(script())) {
            cpython = measure("cpython", "cpython.selectors.", "");
        } else {
            System.out.println("# python3 or bench/python/selectors_echo.py not found: CPython side skipped");
        }
        Map<String, Double> theirs = new LinkedHashMap<>();
        cpython.forEach((name, value) -> theirs.put(name.substring("cpython.".length()), value));
        Figures.printRatio("selectors.echo_rate", java.get("selectors.echo_rate"), theirs, "selectors.echo_rate");
        Figures.printRatio("selectors.echo_rate_virtual_threads", virtual.get("selectors.echo_rate_virtual_threads"),
                theirs, "selectors.echo_rate");
        if (java.containsKey("selectors.server_cpu")) {
            Figures.printRatio("selectors.server_cpu", java.get("selectors.server_cpu"), theirs, "selectors.server_cpu");
        }
    }

    /** Starts one server, measures its echo rate and how many connections it holds, stops it. */
    private static Map<String, Double> measure(String kind, String prefix, String suffix) throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        try (ServerProcess server = ServerProcess.start(kind)) {
            EchoLoadClient client = new EchoLoadClient(server.address(), MESSAGE_SIZE, CLIENT_THREADS);
            client.runFor(RATE_CONNECTIONS, Duration.ofSeconds(2), Duration.ofSeconds(60)); // warm-up
            double[] serverCpu = new double[3];
            double[] clientCpu = new double[3];
            int[] run = {0};
            double rate = Figures.median(3, () -> {
                Duration serverBefore = server.cpu();
                Duration clientBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
                EchoLoadClient.Result r = client.runFor(RATE_CONNECTIONS, Duration.ofSeconds(2), Duration.ofSeconds(60));
                if (r.corrupted() > 0) {
                    throw new IllegalStateException(kind + ": " + r.corrupted() + " corrupted echoes");
                }
                serverCpu[run[0]] = server.cpu().minus(serverBefore).toNanos() / 1e3 / r.roundTrips();
                clientCpu[run[0]++] = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO)
                        .minus(clientBefore).toNanos() / 1e3 / r.roundTrips();
                return r.roundTripsPerSecond();
            });
            figures.put(prefix + "echo_rate" + suffix, rate);
            Figures.print(prefix + "echo_rate" + suffix, rate, "round_trips/s");
            double cpuPerRoundTrip = Figures.median(serverCpu);
            if (cpuPerRoundTrip > 0) {
                figures.put(prefix + "server_cpu" + suffix, cpuPerRoundTrip);
                Figures.print(prefix + "server_cpu" + suffix, cpuPerRoundTrip, "us/round_trip");
                System.out.printf("# %s: load client used %.1f us of CPU per round trip%n", kind, Figures.median(clientCpu));
            }

            int held = 0;
            for (int connections : holdLevels()) {
                long started = System.nanoTime();
                try {
                    EchoLoadClient.Result r = client.runRounds(connections, HOLD_ROUNDS, Duration.ofSeconds(120));
                    double seconds = (System.nanoTime() - started) / 1e9;
                    boolean allIntact = r.corrupted() == 0 && r.roundTrips() == (long) connections * HOLD_ROUNDS;
                    System.out.printf("# %s: %d connections held, %d/%d echoes intact, connect+echo %.2f s, %.0f round_trips/s while all open%n",
                            kind, connections, r.roundTrips(), (long) connections * HOLD_ROUNDS, seconds, r.roundTripsPerSecond());
                    if (!allIntact) {
                        break;
                    }
                    held = connections;
                } catch (EchoLoadClient.EchoFailure | IOException e) {
                    System.out.println("# " + kind + ": " + connections + " connections failed: " + e.getMessage());
                    break;
                }
            }
            figures.put(prefix + "max_connections" + suffix, (double) held);
            Figures.print(prefix + "max_connections" + suffix, held, "connections");
        }
        return figures;
    }

    /** An echo server in a child process: prints {@code port N}, stops when its stdin closes. */
    private record ServerProcess(java.lang.Process process, int port) implements AutoCloseable {

        static ServerProcess start(String kind) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            if (kind.equals("cpython")) {
                command.addAll(List.of("python3", script().toString()));
            } else {
                command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), EchoServerProcess.class.getName(), kind));
            }
            java.lang.Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("port ")) {
                process.destroyForcibly();
                throw new IOException(kind + " server did not start: " + line);
            }
            return new ServerProcess(process, Integer.parseInt(line.substring("port ".length()).trim()));
        }

        /** CPU time the server process has used so far (zero where the platform does not say). */
        Duration cpu() {
            return process.info().totalCpuDuration().orElse(Duration.ZERO);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public void close() throws InterruptedException {
            try {
                process.getOutputStream().close(); // end of stdin: the server closes and exits
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code -Dselectors.levels=1000,5000,10000} (the default); empty skips the connection counts. */
    private static int[] holdLevels() {
        String levels = System.getProperty("selectors.levels", "1000,5000,10000").trim();
        return levels.isEmpty() ? new int[0] : java.util.Arrays.stream(levels.split(",")).mapToInt(l -> Integer.parseInt(l.trim())).toArray();
    }

    private static Path script() {
        for (Path dir : List.of(Path.of("bench", "python"), Path.of("python"), Path.of("..", "bench", "python"))) {
            Path candidate = dir.resolve("selectors_echo.py");
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return Path.of("bench", "python", "selectors_echo.py");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The soft "Max open files" limit on Linux; "unknown" elsewhere. */
    private static String openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return line.substring("Max open files".length()).trim().split("\\s+")[0];
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "unknown";
    }
}
