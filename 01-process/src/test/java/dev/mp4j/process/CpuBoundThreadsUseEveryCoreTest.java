package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Multiprocessing;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class CpuBoundThreadsUseEveryCoreTest {

    private static final long ITERATIONS = 60_000_000L;

    /**
     * The direct evidence that there is no GIL: two busy threads are seen computing at the same instant.
     * Each thread takes tiny steps (a few microseconds, far shorter than any scheduler time slice) and
     * checks whether the other thread made progress during one of them; under a GIL, or on one core, the
     * other thread cannot move while this one is in the middle of a step. Holds on a busy machine too:
     * it only needs both threads on two cores at once for a moment within a few seconds.
     */
    @Test
    void twoBusyThreadsRunOnTwoCoresAtTheSameInstant() throws InterruptedException {
        assumeTrue(Multiprocessing.cpuCount() >= 2, "needs at least two cores");
        AtomicLongArray progress = new AtomicLongArray(2);
        AtomicBoolean seen = new AtomicBoolean();
        long deadline = System.nanoTime() + 10_000_000_000L;
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            int other = 1 - i;
            threads[i] = Thread.ofPlatform().start(() -> {
                while (!seen.get() && System.nanoTime() < deadline) {
                    long otherBefore = progress.get(other);
                    long stepStart = System.nanoTime();
                    CpuBoundThreadsUseEveryCore.unit(200); // a CPU-bound step of well under a microsecond
                    progress.incrementAndGet(me);
                    long stepNanos = System.nanoTime() - stepStart;
                    if (stepNanos < 5_000 && progress.get(other) != otherBefore) {
                        seen.set(true);
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).as("two threads computing at the same instant").isTrue();
    }

    @Test
    void threadsAreNotSlowerThanProcessesForTheSameWork() throws InterruptedException {
        CpuBoundThreadsUseEveryCore.unit(ITERATIONS);
        double threads = CpuBoundThreadsUseEveryCore.timeThreads(2, ITERATIONS);
        double processes = CpuBoundThreadsUseEveryCore.timeProcesses(2, ITERATIONS);
        assertThat(threads).as("threads %.3f s, processes %.3f s", threads, processes).isLessThan(1.5 * processes);
    }

    @Test
    void mainReportsThreadsAndProcesses() throws InterruptedException {
        System.setProperty("iterations", Long.toString(ITERATIONS / 4));
        try (ConsoleCapture console = ConsoleCapture.start()) {
            CpuBoundThreadsUseEveryCore.main(new String[0]);
            List<String> lines = console.outLines();
            int cores = Multiprocessing.cpuCount();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("CPU 核数: " + cores);
            assertThat(lines.get(1)).matches("1 个线程, 1 份计算: \\d+[.,]\\d\\d 秒");
            assertThat(lines.get(2)).startsWith(cores + " 个线程, " + cores + " 份计算: ");
            assertThat(lines.get(3)).startsWith(cores + " 个进程, " + cores + " 份计算: ");
        } finally {
            System.clearProperty("iterations");
        }
    }
}
