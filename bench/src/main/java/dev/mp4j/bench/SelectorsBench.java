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
 *       (64-byte messages, one in flight per connection; median of 5 runs of 2 s after a warm-up run, the
 *       servers taking turns run by run);</li>
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
    private static final int RATE_RUNS = 5;
    private static final Duration RATE_RUN = Duration.ofSeconds(2);

    private SelectorsBench() {
    }

    /** One server under test and the names its figures go by. */
    private record Side(String kind, String prefix, String suffix) {
        String figure(String name) {
            return prefix + name + suffix;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("# open-file limit of this process: " + openFileLimit());
        List<Side> sides = new ArrayList<>(List.of(
                new Side("selector", "selectors.", ""),
                new Side("virtual", "selectors.", "_virtual_threads")));
        if (Figures.onPath("python3") && Files.isRegularFile(script())) {
            sides.add(new Side("cpython", "cpython.selectors.", ""));
        } else {
            System.out.println("# python3 or bench/python/selectors_echo.py not found: CPython side skipped");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (Side side : sides) {
                servers.add(ServerProcess.start(side.kind()));
            }
            echoRates(sides, servers, figures);
            for (int i = 0; i < sides.size(); i++) {
                connectionsHeld(sides.get(i), servers.get(i), figures);
            }
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
        Map<String, Double> theirs = new LinkedHashMap<>();
        figures.forEach((name, value) -> {
            if (name.startsWith("cpython.")) {
                theirs.put(name.substring("cpython.".length()), value);
            }
        });
        Figures.printRatio("selectors.echo_rate", figures.get("selectors.echo_rate"), theirs, "selectors.echo_rate");
        Figures.printRatio("selectors.echo_rate_virtual_threads", figures.get("selectors.echo_rate_virtual_threads"),
                theirs, "selectors.echo_rate");
        if (figures.containsKey("selectors.server_cpu")) {
            Figures.printRatio("selectors.server_cpu", figures.get("selectors.server_cpu"), theirs, "selectors.server_cpu");
        }
    }

    /**
     * Round trips per second with {@link #RATE_CONNECTIONS} connections, and the server's CPU per round trip.
     * The servers take turns run by run, so a change in the machine's other load hits all of them alike.
     */
    private static void echoRates(List<Side> sides, List<ServerProcess> servers, Map<String, Double> figures) throws Exception {
        int n = sides.size();
        double[][] rates = new double[n][RATE_RUNS];
        double[][] serverCpu = new double[n][RATE_RUNS];
        double[][] clientCpu = new double[n][RATE_RUNS];
        double[][] serverKernel = new double[n][RATE_RUNS];
        for (int run = -1; run < RATE_RUNS; run++) { // run -1 warms up
            for (int i = 0; i < n; i++) {
                ServerProcess server = servers.get(i);
                EchoLoadClient client = new EchoLoadClient(server.address(), MESSAGE_SIZE, CLIENT_THREADS);
                Duration serverBefore = server.cpu();
                long[] ticksBefore = server.userAndSystemTicks();
                Duration clientBefore = ownCpu();
                EchoLoadClient.Result r = client.runFor(RATE_CONNECTIONS, RATE_RUN, Duration.ofSeconds(60));
                if (r.corrupted() > 0) {
                    throw new IllegalStateException(sides.get(i).kind() + ": " + r.corrupted() + " corrupted echoes");
                }
                if (run >= 0) {
                    rates[i][run] = r.roundTripsPerSecond();
                    serverCpu[i][run] = server.cpu().minus(serverBefore).toNanos() / 1e3 / r.roundTrips();
                    clientCpu[i][run] = ownCpu().minus(clientBefore).toNanos() / 1e3 / r.roundTrips();
                    long[] ticksAfter = server.userAndSystemTicks();
                    if (ticksBefore != null && ticksAfter != null) {
                        long user = ticksAfter[0] - ticksBefore[0];
                        long system = ticksAfter[1] - ticksBefore[1];
                        serverKernel[i][run] = user + system == 0 ? 0 : 100.0 * system / (user + system);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Side side = sides.get(i);
            double rate = Figures.median(rates[i]);
            figures.put(side.figure("echo_rate"), rate);
            Figures.print(side.figure("echo_rate"), rate, "round_trips/s");
            double cpu = Figures.median(serverCpu[i]);
            if (cpu > 0) {
                figures.put(side.figure("server_cpu"), cpu);
                Figures.print(side.figure("server_cpu"), cpu, "us/round_trip");
                System.out.printf(java.util.Locale.ROOT,
                        "# %s: %.0f%% of the server's CPU in the kernel; load client used %.1f us of CPU per round trip; runs %s round_trips/s%n",
                        side.kind(), Figures.median(serverKernel[i]), Figures.median(clientCpu[i]), java.util.Arrays.toString(
                                java.util.Arrays.stream(rates[i]).mapToLong(Math::round).toArray()));
            }
        }
    }

    /** The largest number of connections held open at once with every echo on every one of them intact. */
    private static void connectionsHeld(Side side, ServerProcess server, Map<String, Double> figures) {
        if (holdLevels().length == 0) {
            return;
        }
        EchoLoadClient client = new EchoLoadClient(server.address(), MESSAGE_SIZE, CLIENT_THREADS);
        int held = 0;
        for (int connections : holdLevels()) {
            long started = System.nanoTime();
            try {
                EchoLoadClient.Result r = client.runRounds(connections, HOLD_ROUNDS, Duration.ofSeconds(120));
                double seconds = (System.nanoTime() - started) / 1e9;
                boolean allIntact = r.corrupted() == 0 && r.roundTrips() == (long) connections * HOLD_ROUNDS;
                System.out.printf(java.util.Locale.ROOT, "# %s: %d connections held, %d/%d echoes intact, connect+echo %.2f s%n",
                        side.kind(), connections, r.roundTrips(), (long) connections * HOLD_ROUNDS, seconds);
                if (!allIntact) {
                    break;
                }
                held = connections;
            } catch (EchoLoadClient.EchoFailure | IOException e) {
                System.out.println("# " + side.kind() + ": " + connections + " connections failed: " + e.getMessage());
                break;
            }
        }
        figures.put(side.figure("max_connections"), (double) held);
        Figures.print(side.figure("max_connections"), held, "connections");
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
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

        /** User and system CPU ticks of the server process from {@code /proc}; null where there is none. */
        long[] userAndSystemTicks() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])}; // utime, stime
            } catch (IOException | RuntimeException e) {
                return null;
            }
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
        Path found = Figures.scriptPath("selectors_echo.py");
        return found != null ? found : Path.of("bench", "python", "selectors_echo.py");
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
