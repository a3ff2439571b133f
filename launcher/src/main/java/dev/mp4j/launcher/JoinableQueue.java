package dev.mp4j.launcher;

import java.io.Serial;

/**
 * Python's {@code multiprocessing.JoinableQueue}: a {@link Queue} that counts unfinished tasks. Every
 * {@code put} adds one; a consumer calls {@link #taskDone()} after handling each item it took, and
 * {@link #join()} waits until the count is back to zero, in whichever process it is called.
 *
 * @param <T> the type of the items
 */
public class JoinableQueue<T> extends Queue<T> {

    @Serial
    private static final long serialVersionUID = 1L;

    public JoinableQueue() {
        super();
    }

    public JoinableQueue(int maxsize) {
        super(maxsize);
    }

    JoinableQueue(int maxsize, boolean overRing) {
        super(maxsize, overRing);
    }

    JoinableQueue(long id, int maxsize, RingQueue ring, Address owner) {
        super(id, maxsize, ring, owner);
    }

    /**
     * Marks one item taken from the queue as handled. Calling it more times than items were put raises
     * IllegalStateException("task_done() called too many times"), Python's ValueError.
     */
    public void taskDone() {
        taskDoneImpl();
    }

    /** Waits until every item ever put has been marked done with {@link #taskDone()}. */
    public void join() {
        joinImpl();
    }
}
