package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SharedLock} contract for a manager's Lock. */
class ManagerLockTest extends LockContract {

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
        return manager.lock();
    }

    @Override
    boolean reentrant() {
        return false;
    }
}
