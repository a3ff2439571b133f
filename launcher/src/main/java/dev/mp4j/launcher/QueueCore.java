package dev.mp4j.launcher;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The items of one queue, in the process that created it: serialized bytes (an item is copied when it
 * is put, as Python pickles it), a capacity, and the count of unfinished tasks that
 * {@link JoinableQueue#join()} waits for. Timeouts are in nanoseconds; negative means wait forever.
 */
final class QueueCore {

    private final int maxsize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition allDone = lock.newCondition();
    private final ArrayDeque<byte[]> items = new ArrayDeque<>();
    private long unfinished;

    QueueCore(int maxsize) {
        this.maxsize = maxsize;
    }

    int maxsize() {
        return maxsize;
    }

    boolean bounded() {
        return maxsize > 0;
    }

    /** Adds {@code item}; false if the queue stayed full for the whole wait. */
    boolean put(byte[] item, boolean block, long timeoutNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long remaining = timeoutNanos;
            while (bounded() && items.size() >= maxsize) {
                if (!block) {
                    return false;
                }
                if (timeoutNanos < 0) {
                    notFull.await();
                } else if (remaining <= 0) {
                    return false;
                } else {
                    remaining = notFull.awaitNanos(remaining);
                }
            }
            items.addLast(item);
            unfinished++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest item; null if the queue stayed empty for the whole wait. */
    byte[] get(boolean block, long timeoutNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long remaining = timeoutNanos;
            while (items.isEmpty()) {
                if (!block) {
                    return null;
                }
                if (timeoutNanos < 0) {
                    notEmpty.await();
                } else if (remaining <= 0) {
                    return null;
                } else {
                    remaining = notEmpty.awaitNanos(remaining);
                }
            }
            byte[] item = items.pollFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** How many gets wait for an item now, here or on behalf of another process. */
    int waitingGets() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(notEmpty);
        } finally {
            lock.unlock();
        }
    }

    /** Puts back at the head an item whose taker vanished before receiving it. */
    void unget(byte[] item) {
        lock.lock();
        try {
            items.addFirst(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    void taskDone() {
        lock.lock();
        try {
            if (unfinished <= 0) {
                throw new IllegalStateException("task_done() called too many times");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every item put has been marked done; false if the wait timed out. */
    boolean join(long timeoutNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long remaining = timeoutNanos;
            while (unfinished > 0) {
                if (timeoutNanos < 0) {
                    allDone.await();
                } else if (remaining <= 0) {
                    return false;
                } else {
                    remaining = allDone.awaitNanos(remaining);
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
