package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedQueue} contract for a manager's queue. */
class ManagerQueueTest extends QueueContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    <T> SharedQueue<T> newQueue(int maxsize) {
        return manager.get().queue(maxsize);
    }
}
