package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedCondition} contract for a manager's Condition. */
class ManagerConditionTest extends ConditionContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    SharedCondition newCondition() {
        return manager.get().condition();
    }
}
