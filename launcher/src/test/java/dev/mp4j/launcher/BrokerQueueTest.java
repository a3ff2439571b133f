package dev.mp4j.launcher;

/** The {@link SharedQueue} contract for a Queue whose items stay with its owner ({@code -Dmp4j.queue=broker}). */
class BrokerQueueTest extends QueueContract {

    @Override
    <T> SharedQueue<T> newQueue(int maxsize) {
        return new Queue<>(maxsize, false);
    }
}
