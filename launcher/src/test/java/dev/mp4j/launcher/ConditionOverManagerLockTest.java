package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedCondition} contract for the launcher's Condition guarded by a manager's RLock. */
class ConditionOverManagerLockTest extends ConditionContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    SharedCondition newCondition() {
        return new Condition(manager.get().rLock());
    }
}
