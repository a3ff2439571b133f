package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SharedCondition} contract for the launcher's Condition guarded by a manager's RLock. */
class ConditionOverManagerLockTest extends ConditionContract {

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
    SharedCondition newCondition() {
        return new Condition(manager.rLock());
    }
}
