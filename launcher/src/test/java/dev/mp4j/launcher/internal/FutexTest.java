package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Processes;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The futex on a word of shared memory: sleeps, times out, is woken, across processes too. */
@Timeout(120)
class FutexTest {

    private static final long WORD = 0;
    private static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(60);

    @Test
    void isAvailableOnLinuxWhenNativeAccessIsEnabled() {
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
        boolean knownArch = Set.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch"));
        assertThat(Futex.class.getModule().isNativeAccessEnabled()).as("the tests run with native access").isTrue();
        assertThat(Futex.available()).isEqualTo(linux && knownArch);
    }

    @Test
    void aWaitOnAWordThatAlreadyChangedReturnsAtOnce() {
        SharedBlock block = SharedMemory.allocate(64);
        block.setIntVolatile(WORD, 7);
        long start = System.nanoTime();
        Futex.await(block.segment(), WORD, 6, LONG_WAIT);
        assertThat(System.nanoTime() - start).isLessThan(LONG_WAIT / 4);
    }

    @Test
    void aWaitNobodyWakesLastsItsTimeout() {
        SharedBlock block = SharedMemory.allocate(64);
        long timeout = TimeUnit.MILLISECONDS.toNanos(300);
        long start = System.nanoTime();
        Futex.await(block.segment(), WORD, 0, timeout);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(timeout * 9 / 10);
    }

    @Test
    void wakeEndsTheSleepOfAThreadAndCountsIt() throws Exception {
        SharedBlock block = SharedMemory.allocate(64);
        CompletableFuture<Long> slept = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Futex.await(block.segment(), WORD, 0, LONG_WAIT);
            return System.nanoTime() - start;
        }, runnable -> Thread.ofPlatform().start(runnable));
        assertThat(Futex.wake(block.segment(), WORD, 1)).isBetween(0, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> slept.isDone() || Futex.wake(block.segment(), WORD, 1) == 1);
        assertThat(slept.get(30, TimeUnit.SECONDS)).isLessThan(LONG_WAIT / 2);
        assertThat(Futex.wake(block.segment(), WORD, 1)).as("nobody left asleep").isZero();
    }

    @Test
    void aProcessWakesASleeperInAnotherProcessThroughTheSharedMapping() throws Exception {
        SharedBlock block = SharedMemory.allocate(64);
        ChildProcess sleeper = Processes.start(() -> {
            long start = System.nanoTime();
            Futex.await(block.segment(), WORD, 0, LONG_WAIT);
            block.setLongVolatile(8, Math.max(1, System.nanoTime() - start));
        });
        // the child is asleep on the word once a wake finds it (a private futex would never be found)
        await().atMost(Duration.ofSeconds(60)).until(() -> Futex.wake(block.segment(), WORD, 1) == 1);
        Processes.joinOk(sleeper);
        assertThat(block.getLongVolatile(8)).isBetween(1L, LONG_WAIT / 2);
    }

    @Test
    void aMisalignedWordIsRefused() {
        SharedBlock block = SharedMemory.allocate(64);
        assertThatThrownBy(() -> Futex.wake(block.segment(), 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a futex word must be 4-byte aligned, offset was 2");
    }
}
