package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@link SharedCondition} contract for the launcher's Condition over its default RLock, and CPython's messages. */
class LocalConditionTest extends ConditionContract {

    @Override
    SharedCondition newCondition() {
        return new Condition();
    }

    @Test
    void waitAndNotifyWithoutTheLockSayWhatCPythonSays() {
        Condition cond = new Condition(new Lock());
        assertThatThrownBy(cond::await).isInstanceOf(IllegalMonitorStateException.class)
                .hasMessage("must acquire() condition before using wait()");
        assertThatThrownBy(cond::signal).isInstanceOf(IllegalMonitorStateException.class)
                .hasMessage("lock is not owned");
    }
}
