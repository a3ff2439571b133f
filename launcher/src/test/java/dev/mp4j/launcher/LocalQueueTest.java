package dev.mp4j.launcher;

/** The {@link SharedQueue} contract for the launcher's Queue; what only it does is in {@link QueueTest}. */
class LocalQueueTest extends QueueContract {

    @Override
    <T> SharedQueue<T> newQueue(int maxsize) {
        return new Queue<>(maxsize);
    }
}
