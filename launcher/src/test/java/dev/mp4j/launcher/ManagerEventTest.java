package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SharedEvent} contract for a manager's Event. */
class ManagerEventTest extends EventContract {

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
    SharedEvent newEvent() {
        return manager.event();
    }
}
