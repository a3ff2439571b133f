package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a get waits on the shared-memory ring: asleep on its futex word, woken by a put in another
 * process, cancelled by an interrupt while asleep, and forgotten when its process is killed.
 */
@Timeout(180)
class RingQueueWaitTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPutWakesAGetAsleepInAnotherProcess() throws Exception {
        Queue<String> q = new Queue<>(3, true);
        Queue<String> echo = new Queue<>();
        ChildProcess taker = Processes.start(() -> echo.put("got " + q.get()));
        await().atMost(WAIT).until(() -> q.getAsleep());
        q.put("x");
        assertThat(echo.get(true, WAIT.toSeconds())).isEqualTo("got x");
        Processes.joinOk(taker);
        assertThat(q.waitingGets()).isZero();
    }

    @Test
    void anInterruptEndsAGetAsleepOnTheFutexWithCancellation() throws Exception {
        RingQueue ring = new RingQueue(3);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        CompletableFuture<Boolean> flagSetAgain = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                ring.get(true, -1);
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
            flagSetAgain.complete(Thread.currentThread().isInterrupted());
        });
        await().atMost(WAIT).until(ring::getAsleep);
        waiter.interrupt();
        assertThat(ended.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class)
                .hasMessage("interrupted while waiting on shared memory");
        assertThat(flagSetAgain.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ring.waitingGets()).isZero();
        assertThat(ring.getAsleep()).as("its bit is cleared on the way out").isFalse();
    }

    @Test
    void aGetKilledWhileWaitingIsNoLongerCountedAndTheNextWaiterIsStillWoken() throws Exception {
        Queue<String> q = new Queue<>(3, true);
        ChildProcess victim = Processes.start(q::get);
        await().atMost(WAIT).until(() -> q.waitingGets() == 1 && q.getAsleep());
        victim.kill();
        victim.join(WAIT);
        assertThat(victim.exitcode()).isEqualTo(-9);
        assertThat(q.waitingGets()).as("the killed get is not counted").isZero();
        assertThat(q.getAsleep()).as("its bit was cleared with its place").isFalse();

        Queue<String> echo = new Queue<>();
        ChildProcess taker = Processes.start(() -> echo.put("got " + q.get()));
        await().atMost(WAIT).until(() -> q.waitingGets() == 1 && q.getAsleep());
        q.put("y");
        assertThat(echo.get(true, WAIT.toSeconds())).isEqualTo("got y");
        Processes.joinOk(taker);
        assertThat(q.waitingGets()).isZero();
        assertThat(q.empty()).isTrue();
    }
}
