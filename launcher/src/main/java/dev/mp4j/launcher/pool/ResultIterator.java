package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.Timeouts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code IMapIterator}, returned by {@link Pool#imap} and {@link Pool#imapUnordered}: yields
 * results as the workers send them back, in input order (imap) or in the order they finish
 * (imapUnordered). Usable once in a for-each loop. A chunk whose task raised re-raises that exception
 * from {@link #next()} (as {@link AsyncResult#get()} does) and iteration can go on after it.
 */
public final class ResultIterator<R> implements Iterator<R>, Iterable<R> {

    private final int chunks;
    private final boolean ordered;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Object[] outcomes;               // per chunk: Object[] values or a Throwable
    private final List<Integer> arrivalOrder;       // chunk indexes as they arrive
    private int chunkCursor;                        // how many chunks have been taken by next()
    private Object[] current;
    private int position;

    ResultIterator(int chunks, boolean ordered) {
        this.chunks = chunks;
        this.ordered = ordered;
        this.outcomes = new Object[chunks];
        this.arrivalOrder = new ArrayList<>(chunks);
    }

    void chunkDone(int index, Object[] values, Throwable failure) {
        lock.lock();
        try {
            if (outcomes[index] != null) {
                return;
            }
            outcomes[index] = failure != null ? failure : values;
            arrivalOrder.add(index);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean hasNext() {
        lock.lock();
        try {
            return current != null && position < current.length || chunkCursor < chunks;
        } finally {
            lock.unlock();
        }
    }

    /** The next result, waiting as long as it takes. */
    @Override
    public R next() {
        try {
            return next(Timeouts.FOREVER);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The next result, waiting at most {@code timeoutSeconds} (negative: 0); then {@link TimeoutException}. */
    @SuppressWarnings("unchecked")
    public R next(double timeoutSeconds) throws TimeoutException {
        lock.lock();
        try {
            if (current == null || position >= current.length) {
                if (chunkCursor >= chunks) {
                    throw new NoSuchElementException();
                }
                Object outcome = awaitChunk(timeoutSeconds);
                chunkCursor++;
                if (outcome instanceof Throwable failure) {
                    current = null;
                    throw AsyncResult.rethrowable(failure);
                }
                current = (Object[]) outcome;
                position = 0;
            }
            return (R) current[position++];
        } catch (InterruptedException e) {
            throw AsyncResult.interrupted(e);
        } finally {
            lock.unlock();
        }
    }

    private Object awaitChunk(double timeoutSeconds) throws InterruptedException, TimeoutException {
        long nanos = Timeouts.nanos(timeoutSeconds);
        while (true) {
            Object outcome = ordered ? outcomes[chunkCursor]
                    : chunkCursor < arrivalOrder.size() ? outcomes[arrivalOrder.get(chunkCursor)] : null;
            if (outcome != null) {
                return outcome;
            }
            if (nanos <= 0) {
                throw new TimeoutException("no result after " + timeoutSeconds + " s");
            }
            if (nanos == Timeouts.NO_DEADLINE) {
                arrived.await();
            } else {
                nanos = arrived.awaitNanos(nanos);
            }
        }
    }

    @Override
    public Iterator<R> iterator() {
        return this;
    }
}
