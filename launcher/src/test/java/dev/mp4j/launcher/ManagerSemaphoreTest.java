package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SharedSemaphore} contract for a manager's Semaphore and BoundedSemaphore. */
class ManagerSemaphoreTest extends SemaphoreContract {

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
    SharedSemaphore newSemaphore(int value) {
        return manager.semaphore(value);
    }

    @Override
    SharedSemaphore newBoundedSemaphore(int value) {
        return manager.boundedSemaphore(value);
    }
}
