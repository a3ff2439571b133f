package dev.mp4j.launcher;

/** The {@link SharedCondition} contract for the launcher's Condition over a (non-recursive) Lock. */
class LocalConditionOverLockTest extends ConditionContract {

    @Override
    SharedCondition newCondition() {
        return new Condition(new Lock());
    }
}
