package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.Client;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Listener;
import dev.mp4j.launcher.SerializationException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pool, after CPython's {@code _TestPool} (apply, map, chunksize, imap, imap_unordered, starmap,
 * timeouts, terminate, Pool(0), a closed pool, the remote traceback, maxtasksperchild, the initializer),
 * plus what CPython gets wrong: a worker killed mid-task fails its task instead of hanging the pool.
 */
@Timeout(60)
class PoolTest {

    private static Pool pool;

    @BeforeAll
    static void startSharedPool() {
        pool = new Pool(2);
    }

    @AfterAll
    static void stopSharedPool() throws InterruptedException {
        pool.terminate();
        pool.join();
    }

    static int sqr(int x) {
        return x * x;
    }

    static int mul(int x, int y) {
        return x * y;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void applyRunsInAWorkerAndReturnsTheResult() {
        assertThat(pool.apply(() -> sqr(5))).isEqualTo(25);
        assertThat(pool.applyAsync(() -> sqr(7)).get()).isEqualTo(49);
        assertThat(pool.apply(PoolTest::pid)).isNotEqualTo(pid());
    }

    @Test
    void mapKeepsInputOrderWhateverTheChunksize() {
        List<Integer> squares = range(10).stream().map(PoolTest::sqr).toList();
        assertThat(pool.map(PoolTest::sqr, range(10))).isEqualTo(squares);
        assertThat(pool.map(PoolTest::sqr, range(10), 1)).isEqualTo(squares);
        assertThat(pool.map(PoolTest::sqr, range(1000), 37))
                .isEqualTo(range(1000).stream().map(PoolTest::sqr).toList());
        assertThat(pool.map(PoolTest::sqr, List.<Integer>of())).isEmpty();
        assertThat(pool.mapAsync(PoolTest::sqr, range(100)).get()).hasSize(100);
    }

    @Test
    void starmapPassesEachEntryAsTwoArguments() {
        List<Map.Entry<Integer, Integer>> pairs = IntStream.range(0, 10).mapToObj(i -> Map.entry(i, i + 6)).toList();
        List<Integer> expected = pairs.stream().map(e -> mul(e.getKey(), e.getValue())).toList();
        assertThat(pool.starmap(PoolTest::mul, pairs)).isEqualTo(expected);
        assertThat(pool.starmapAsync(PoolTest::mul, pairs, 3, null, null).get()).isEqualTo(expected);
    }

    @Test
    void imapYieldsResultsInOrderAndThenStops() {
        ResultIterator<Integer> it = pool.imap(PoolTest::sqr, range(10));
        for (int i = 0; i < 10; i++) {
            assertThat(it.next()).isEqualTo(sqr(i));
        }
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);

        List<Integer> collected = new ArrayList<>();
        for (int square : pool.imap(PoolTest::sqr, range(1000), 100)) {
            collected.add(square);
        }
        assertThat(collected).isEqualTo(range(1000).stream().map(PoolTest::sqr).toList());
    }

    @Test
    void imapUnorderedYieldsEveryResultOnce() {
        List<Integer> collected = new ArrayList<>();
        pool.imapUnordered(PoolTest::sqr, range(1000), 53).forEachRemaining(collected::add);
        Collections.sort(collected);
        assertThat(collected).isEqualTo(range(1000).stream().map(PoolTest::sqr).toList());
    }

    @Test
    void getWithATimeoutRaisesTimeoutExceptionAndReadinessIsReported() throws Exception {
        AsyncResult<Integer> slow = pool.applyAsync(() -> {
            Thread.sleep(1_000);
            return sqr(6);
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> slow.get(0.1)).isInstanceOf(TimeoutException.class);
        assertThat(System.nanoTime() - start).as("it waited its timeout; the task, 1 s long, is still running")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(slow.ready()).isFalse();
        assertThatThrownBy(slow::successful).isInstanceOf(IllegalStateException.class).hasMessageContaining("not ready");
        assertThat(slow.await(0.01)).isFalse();
        assertThat(slow.get(30)).isEqualTo(36);
        assertThat(slow.ready()).isTrue();
        assertThat(slow.successful()).isTrue();

        ResultIterator<Integer> it = pool.imap(x -> {
            Thread.sleep(1_000);
            return x;
        }, List.of(1));
        assertThatThrownBy(() -> it.next(0.05)).isInstanceOf(TimeoutException.class);
        assertThat(it.next(30)).isEqualTo(1);
    }

    static int fail(String message) {
        throw new IllegalArgumentException(message);
    }

    @Test
    void aTaskExceptionIsReRaisedWithTheWorkersTracebackAsItsCause() {
        AsyncResult<Integer> failed = pool.applyAsync(() -> fail("boom"));
        assertThatThrownBy(failed::get)
                .isInstanceOf(IllegalArgumentException.class).hasMessage("boom")
                .cause().isInstanceOf(RemoteTraceback.class)
                .hasMessageContaining("PoolWorker-").hasMessageContaining("java.lang.IllegalArgumentException: boom")
                .hasMessageContaining("at dev.mp4j.launcher.pool.PoolTest.fail");
        assertThat(failed.successful()).isFalse();

        assertThatThrownBy(() -> pool.apply(() -> {
            throw new IOException("disk gone");
        })).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IOException.class).hasMessage("disk gone")
                .cause().isInstanceOf(RemoteTraceback.class);

        assertThatThrownBy(() -> pool.map(x -> x == 5 ? fail("five") : x, range(10), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("five");

        ResultIterator<Integer> it = pool.imap(x -> x == 1 ? fail("one") : x, range(3));
        assertThat(it.next()).isZero();
        assertThatThrownBy(it::next).hasMessage("one");
        assertThat(it.next()).isEqualTo(2);
    }

    @Test
    void callbacksRunInTheParentOneAtATimeOnTheResultHandlerThread() {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            results.add(pool.applyAsync(() -> sqr(n),
                    value -> seen.add(Thread.currentThread().getName() + "/" + pid())));
        }
        AsyncResult<Integer> failing = pool.applyAsync(() -> fail("for the error callback"), null,
                error -> seen.add("error:" + error.getMessage()));
        results.forEach(AsyncResult::get);
        assertThatThrownBy(failing::get).hasMessage("for the error callback");
        assertThat(seen).hasSize(21).contains("error:for the error callback");
        assertThat(seen.stream().filter(s -> !s.startsWith("error:")))
                .allMatch(s -> s.equals("mp4j-pool-result-handler/" + pid()));
    }

    @Test
    void anUnserializableTaskFailsInTheCallersThread() {
        Object notSerializable = new Object();
        assertThatThrownBy(() -> pool.applyAsync(notSerializable::hashCode))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void zeroProcessesAreRefused() {
        assertThatThrownBy(() -> new Pool(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Number of processes must be at least 1");
        assertThatThrownBy(() -> new Pool(-1)).hasMessage("Number of processes must be at least 1");
    }

    @Test
    void joinWaitsForQueuedWorkAfterCloseAndAClosedPoolRefusesWork() throws Exception {
        Pool single = new Pool(1);
        List<Integer> callbacks = new CopyOnWriteArrayList<>();
        try {
            assertThatThrownBy(single::join).isInstanceOf(IllegalStateException.class).hasMessage("Pool is still running");
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                results.add(single.applyAsync(() -> {
                    Thread.sleep(20);
                    return n;
                }, callbacks::add));
            }
            single.close();
            assertThatThrownBy(() -> single.applyAsync(() -> 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Pool not running");
            assertThatThrownBy(() -> single.map(PoolTest::sqr, range(3))).hasMessage("Pool not running");
            single.join();
            assertThat(results).allMatch(AsyncResult::ready);
            assertThat(callbacks).containsExactly(0, 1, 2, 3, 4);
        } finally {
            single.terminate();
        }
    }

    @Test
    void terminateWithThousandsOfQueuedTasksReturnsPromptlyAndFailsThem() throws Exception {
        Pool busy = new Pool(2);
        busy.apply(() -> 0); // a worker is up
        AsyncResult<List<Object>> sleeps = busy.mapAsync(x -> {
            Thread.sleep(100);
            return null;
        }, range(10_000), 1);
        long start = System.nanoTime();
        busy.terminate();
        busy.join();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThatThrownBy(() -> sleeps.get(5)).isInstanceOf(CancellationException.class)
                .hasMessageContaining("terminated");
        assertThatThrownBy(() -> busy.applyAsync(() -> 1)).hasMessage("Pool not running");
    }

    static volatile String initializedBy;

    @Test
    void theInitializerRunsInEachWorkerAndMaxtasksperchildReplacesWorkers() {
        Pool renewing = Pool.builder().processes(2).maxTasksPerChild(1)
                .initializer(() -> initializedBy = "initializer ran in " + pid()).build();
        try {
            List<AsyncResult<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(renewing.applyAsync(() -> pid() + " " + initializedBy));
            }
            List<String> answers = results.stream().map(AsyncResult::get).toList();
            for (String answer : answers) {
                String pid = answer.split(" ")[0];
                assertThat(answer).isEqualTo(pid + " initializer ran in " + pid);
            }
            Map<String, Long> tasksPerWorker = answers.stream()
                    .collect(java.util.stream.Collectors.groupingBy(a -> a.split(" ")[0], java.util.stream.Collectors.counting()));
            assertThat(tasksPerWorker).as("one task per worker, then a fresh worker").hasSize(4);
        } finally {
            renewing.terminate();
        }
    }

    @Test
    void aWorkerKilledDuringMapFailsTheMapPromptlyAndThePoolKeepsServing() throws Exception {
        Pool victim = pool; // the shared pool: it must keep serving the other tests afterwards
        try (Listener reports = new Listener()) {
            Address address = reports.address();
            AsyncResult<List<Integer>> map = victim.mapAsync(x -> {
                if (x == 0) { // this one says where it runs, and is killed there
                    try (Connection report = Client.connect(address)) {
                        report.send(pid());
                    }
                    Thread.sleep(10_000);
                }
                return x;
            }, range(4), 1);
            long workerPid;
            try (Connection report = reports.accept()) {
                workerPid = (Long) report.recv();
            }
            long killedAt = System.nanoTime();
            ProcessHandle.of(workerPid).orElseThrow().destroyForcibly(); // kill -9
            assertThatThrownBy(() -> map.get(5)).isInstanceOf(WorkerDiedException.class)
                    .hasMessageMatching("worker PoolWorker-\\d+ \\(pid " + workerPid + "\\) died with exitcode -9 while running task \\d+");
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(2));

            assertThat(victim.map(PoolTest::sqr, range(10), 1)).isEqualTo(range(10).stream().map(PoolTest::sqr).toList());
            assertThatThrownBy(() -> victim.apply(() -> {
                System.exit(3);
                return 0;
            })).isInstanceOf(WorkerDiedException.class).hasMessageContaining("died with exitcode 3 while running task");
            assertThat(victim.apply(() -> sqr(9))).isEqualTo(81);
        }
    }
}
