package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SharedBarrier}: CPython's _TestBarrier with N = 3 parties, two child JVMs and
 * the test's own thread, like CPython's run_threads (N-1 processes plus the caller), run against the
 * launcher's Barrier and a manager's. Children report through shared arrays.
 */
abstract class BarrierContract {

    /** A barrier for {@code parties} with no action and no default timeout. */
    abstract SharedBarrier newBarrier(int parties);

    private static final int N = 3;

    /** Runs {@code party} in N-1 children and here; party gets its number 0..N-1. */
    static void runParties(Party party) throws Exception {
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 1; i < N; i++) {
            int number = i;
            children.add(Processes.start(() -> party.run(number)));
        }
        party.run(0);
        Processes.joinOk(children);
    }

    @FunctionalInterface
    interface Party extends java.io.Serializable {
        void run(int number) throws Exception;
    }

    @Test
    void multiplePassesKeepEveryoneInStep() throws Exception {
        SharedBarrier barrier = newBarrier(N);
        Array phase = new Array('i', N);
        Value outOfStep = Value.raw('i', 0);
        int passes = 5;
        runParties(n -> {
            for (int pass = 0; pass < passes; pass++) {
                phase.setInt(n, pass);
                barrier.await();
                for (int other = 0; other < N; other++) {
                    if (phase.getInt(other) < pass) {
                        outOfStep.setInt(1);
                    }
                }
                barrier.await();
            }
        });
        assertThat(outOfStep.getInt()).isZero();
        assertThat(barrier.broken()).isFalse();
        assertThat(barrier.nWaiting()).isZero();
    }

    @Test
    void exactlyOnePartyGetsIndexZeroEachPass() throws Exception {
        SharedBarrier barrier = newBarrier(N);
        Array zeros = new Array('i', 2);
        runParties(n -> {
            for (int pass = 0; pass < 2; pass++) {
                if (barrier.await() == 0) {
                    try (Held held = zeros.getLock().acquired()) {
                        zeros.setInt(pass, zeros.getInt(pass) + 1);
                    }
                }
            }
        });
        assertThat(zeros.toList()).containsExactly(1, 1);
    }


    @Test
    void abortBreaksTheBarrierForEveryWaiter() throws Exception {
        SharedBarrier barrier = newBarrier(N);
        Array broken = new Array('i', N);
        runParties(n -> {
            try {
                if (n == N - 1) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> barrier.nWaiting() == N - 1);
                    barrier.abort();
                } else {
                    barrier.await();
                }
            } catch (BrokenBarrierException e) {
                broken.setInt(n, 1);
            }
        });
        assertThat(broken.toList()).containsExactly(1, 1, 0);
        assertThat(barrier.broken()).isTrue();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class);
    }

    @Test
    void resetBreaksCurrentWaitersAndMakesItUsableAgain() throws Exception {
        SharedBarrier barrier = newBarrier(N);
        SharedBarrier afterReset = newBarrier(N);
        Array results = new Array('i', 2 * N);
        runParties(n -> {
            if (n == N - 1) {
                await().atMost(Duration.ofSeconds(30)).until(() -> barrier.nWaiting() == N - 1);
                barrier.reset();
            } else {
                try {
                    barrier.await();
                } catch (BrokenBarrierException e) {
                    results.setInt(n, 1);
                }
            }
            afterReset.await();
            barrier.await(); // all N again: the reset barrier works
            results.setInt(N + n, 1);
        });
        assertThat(results.toList()).containsExactly(1, 1, 0, 1, 1, 1);
        assertThat(barrier.broken()).isFalse();
    }

    @Test
    void aTimeoutBreaksTheBarrier() throws Exception {
        SharedBarrier barrier = newBarrier(N);
        Array broken = new Array('i', N);
        runParties(n -> {
            if (n == N - 1) {
                Thread.sleep(300); // late
            }
            try {
                barrier.await(0.1);
            } catch (BrokenBarrierException e) {
                broken.setInt(n, 1);
            }
        });
        assertThat(broken.toList()).containsExactly(1, 1, 1);
        assertThat(barrier.broken()).isTrue();
    }



    @Test
    void aSinglePartyNeverWaits() throws Exception {
        SharedBarrier barrier = newBarrier(1);
        assertThat(barrier.await()).isZero();
        assertThat(barrier.await()).isZero();
        assertThat(barrier.parties()).isEqualTo(1);
    }

    @Test
    void aNegativeTimeoutIsZeroAndBreaksTheBarrier() {
        SharedBarrier barrier = newBarrier(2);
        assertThat(barrier.parties()).isEqualTo(2);
        assertThatThrownBy(() -> barrier.await(-1)).isInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.broken()).isTrue();
        barrier.reset();
        assertThat(barrier.broken()).isFalse();
    }
}
