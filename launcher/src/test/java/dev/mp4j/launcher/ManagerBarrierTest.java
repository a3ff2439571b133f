package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SharedBarrier} contract for a manager's Barrier. */
class ManagerBarrierTest extends BarrierContract {

    private static Manager manager;

    @BeforeAll
    static void startManager() {
        manager = new Manager();
    }

    @AfterAll
    static void stopManager() {
        manager.close();
    }

    @Override
    SharedBarrier newBarrier(int parties) {
        return manager.barrier(parties);
    }
}
