package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedSemaphore} contract for a manager's Semaphore and BoundedSemaphore. */
class ManagerSemaphoreTest extends SemaphoreContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    SharedSemaphore newSemaphore(int value) {
        return manager.get().semaphore(value);
    }

    @Override
    SharedSemaphore newBoundedSemaphore(int value) {
        return manager.get().boundedSemaphore(value);
    }
}
