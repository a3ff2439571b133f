package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BrokenBarrierException;
import org.junit.jupiter.api.Test;

/** The {@link SharedBarrier} contract for the launcher's Barrier, and its action and default timeout, which a manager's barrier lacks. */
class LocalBarrierTest extends BarrierContract {

    private static final int N = 3;

    @Override
    SharedBarrier newBarrier(int parties) {
        return new Barrier(parties);
    }

    @Test
    void actionRunsOncePerPassBeforeAnyPartyGoesOn() throws Exception {
        Value actions = new Value('i', 0);
        Barrier barrier = new Barrier(N, () -> actions.setInt(actions.getInt() + 1), 30);
        Value wrong = Value.raw('i', 0);
        runParties(n -> {
            for (int pass = 1; pass <= 3; pass++) {
                barrier.await();
                if (actions.getInt() < pass) {
                    wrong.setInt(1);
                }
                barrier.await(); // nobody starts the next pass before all have checked
            }
        });
        assertThat(actions.getInt()).isEqualTo(6);
        assertThat(wrong.getInt()).isZero();
    }

    @Test
    void theDefaultTimeoutBreaksTheBarrier() throws Exception {
        Barrier barrier = new Barrier(2, null, 0.1);
        long start = System.nanoTime();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class);
        assertThat(Processes.elapsed(start)).isGreaterThanOrEqualTo(0.1);
        assertThat(barrier.broken()).isTrue();
    }

    @Test
    void aFailingActionBreaksTheBarrier() {
        Barrier barrier = new Barrier(1, () -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class).hasRootCauseMessage("boom");
        assertThat(barrier.broken()).isTrue();
    }
}
