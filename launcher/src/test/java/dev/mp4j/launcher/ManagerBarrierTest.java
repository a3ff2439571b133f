package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedBarrier} contract for a manager's Barrier. */
class ManagerBarrierTest extends BarrierContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    SharedBarrier newBarrier(int parties) {
        return manager.get().barrier(parties);
    }
}
