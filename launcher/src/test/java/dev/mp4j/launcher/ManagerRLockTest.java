package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedLock} contract for a manager's RLock. */
class ManagerRLockTest extends LockContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    SharedLock newLock() {
        return manager.get().rLock();
    }

    @Override
    boolean reentrant() {
        return true;
    }
}
