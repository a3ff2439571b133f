package dev.mp4j.launcher;

/** The {@link SharedLock} contract for the launcher's Lock in shared memory. */
class LocalLockTest extends LockContract {

    @Override
    SharedLock newLock() {
        return new Lock();
    }

    @Override
    boolean reentrant() {
        return false;
    }
}
