package dev.mp4j.launcher.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spares follow demand: none for a lone start, more during a burst (capped), gone once idle. */
@Timeout(60)
class SparesTest {

    private final AtomicInteger launches = new AtomicInteger();
    private final List<java.lang.Process> launched = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A stand-in for a child JVM: a process that waits, as a spare waits for its payload. */
    private SpawnedJvm launch() throws java.io.IOException {
        launches.incrementAndGet();
        java.lang.Process process = new ProcessBuilder("sleep", "60").start();
        launched.add(process);
        return new SpawnedJvm(process);
    }

    @Test
    void aLoneStartBootsNoSpare() throws Exception {
        Spares spares = new Spares(sample -> launch());
        assertThat(spares.take(true, ChildKind.PLAIN, () -> new byte[0])).isNull();
        Thread.sleep(300); // nothing is expected to happen: give a wrongly booted spare time to show
        assertThat(launches.get()).isZero();
        assertThat(spares.readyCount()).isZero();
    }

    @Test
    void aBurstFindsSparesUpToTheCapAndIdleSparesAreStopped() throws Exception {
        Spares spares = new Spares(sample -> launch());
        int cap = Math.max(1, Math.min(Spares.MAX_SPARES, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < 6; i++) {
            spares.take(true, ChildKind.PLAIN, () -> new byte[0]);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> spares.readyCount() == cap);
        SpawnedJvm spare = spares.take(true, ChildKind.PLAIN, () -> new byte[0]);
        assertThat(spare).isNotNull();
        assertThat(spare.process().isAlive()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> spares.readyCount() == cap);
        assertThat(launches.get()).isLessThanOrEqualTo(2 * cap);

        await().atMost(Duration.ofMillis(Spares.IDLE_MILLIS * 3)).until(() -> spares.readyCount() == 0);
        List<java.lang.Process> stopped = new ArrayList<>(launched);
        stopped.remove(spare.process());
        await().atMost(Duration.ofSeconds(5)).until(() -> stopped.stream().noneMatch(java.lang.Process::isAlive));
        spare.process().destroyForcibly();
    }

    @Test
    void sparesOffStopsTheWaitingOnes() throws Exception {
        Spares spares = new Spares(sample -> launch());
        spares.take(true, ChildKind.PLAIN, () -> new byte[0]);
        spares.take(true, ChildKind.PLAIN, () -> new byte[0]);
        await().atMost(Duration.ofSeconds(10)).until(() -> spares.readyCount() >= 1);
        java.lang.Process waiting = launched.getFirst();
        assertThat(spares.take(false, ChildKind.PLAIN, () -> new byte[0])).isNotNull().satisfies(s -> s.process().destroyForcibly());
        assertThat(spares.readyCount()).isZero();
        launched.forEach(java.lang.Process::destroyForcibly);
        assertThat(waiting.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void fullStartsTakeAReadySpareButBootNone() throws Exception {
        Spares spares = new Spares(sample -> launch());
        spares.take(true, ChildKind.PLAIN, () -> new byte[0]);
        spares.take(true, ChildKind.PLAIN, () -> new byte[0]);
        int wanted = Math.min(2, Math.max(1, Math.min(Spares.MAX_SPARES, Runtime.getRuntime().availableProcessors())));
        await().atMost(Duration.ofSeconds(10)).until(() -> spares.readyCount() == wanted);
        int launchedByPlainStarts = launches.get();
        int ready = spares.readyCount();

        SpawnedJvm taken = spares.take(true, ChildKind.FULL, () -> new byte[0]);
        assertThat(taken).isNotNull();
        assertThat(spares.readyCount()).isEqualTo(ready - 1);
        for (int i = 0; i < 5; i++) {
            spares.take(true, ChildKind.FULL, () -> new byte[0]); // a pool starting its workers
        }
        Thread.sleep(300); // nothing is expected to happen: give a wrongly booted spare time to show
        assertThat(launches.get()).isEqualTo(launchedByPlainStarts);
        launched.forEach(java.lang.Process::destroyForcibly);
    }
}
