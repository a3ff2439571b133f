package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedLock} contract for a manager's Lock. */
class ManagerLockTest extends LockContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    SharedLock newLock() {
        return manager.get().lock();
    }

    @Override
    boolean reentrant() {
        return false;
    }
}
