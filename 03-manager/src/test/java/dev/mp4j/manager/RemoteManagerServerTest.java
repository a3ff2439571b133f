package dev.mp4j.manager;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.ChildProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote manager: {@link RemoteManagerServer} serves on loopback TCP with an authkey, two
 * {@link RemoteManagerWorker} JVMs connect by address and key; every task's result arrives once.
 */
class RemoteManagerServerTest {

    @Test
    void workersInOtherJvmsShareTheTaskQueueAndTheResultDict() throws Exception {
        byte[] key = "test-key".getBytes(StandardCharsets.UTF_8);
        int tasks = 20;
        List<ChildProcess> workers = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CompletableFuture<Map<Integer, Integer>> server = CompletableFuture.supplyAsync(() -> {
            try {
                return RemoteManagerServer.run(Address.tcp("127.0.0.1", 0), key, tasks, 2, address -> {
                    for (int i = 0; i < 2; i++) {
                        ChildProcess worker = new ChildProcess(() -> RemoteManagerWorker.work(address, "test-key".getBytes(StandardCharsets.UTF_8)));
                        worker.start();
                        workers.add(worker);
                    }
                }, out);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<Integer, Integer> results = server.get(60, TimeUnit.SECONDS);
        for (ChildProcess worker : workers) {
            worker.join(30);
            assertThat(worker.exitcode()).isZero();
        }
        assertThat(results).isEqualTo(IntStream.rangeClosed(1, tasks).boxed().collect(Collectors.toMap(n -> n, n -> n * n)));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).startsWith("manager serving at 127.0.0.1:");
        assertThat(lines).contains("task 20 -> 400", tasks + " results from 2 workers");
    }
}
