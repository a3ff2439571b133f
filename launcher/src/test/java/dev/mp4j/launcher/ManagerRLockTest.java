package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SharedLock} contract for a manager's RLock. */
class ManagerRLockTest extends LockContract {

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
    SharedLock newLock() {
        return manager.rLock();
    }

    @Override
    boolean reentrant() {
        return true;
    }
}
