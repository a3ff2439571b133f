package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SharedQueue} contract for a manager's queue. */
class ManagerQueueTest extends QueueContract {

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
    <T> SharedQueue<T> newQueue(int maxsize) {
        return manager.queue(maxsize);
    }
}
