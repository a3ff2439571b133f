package dev.mp4j.launcher;

/** The {@link SharedLock} contract for the launcher's RLock in shared memory. */
class LocalRLockTest extends LockContract {

    @Override
    SharedLock newLock() {
        return new RLock();
    }

    @Override
    boolean reentrant() {
        return true;
    }
}
