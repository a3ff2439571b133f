package dev.mp4j.launcher;

import java.io.Serializable;
import java.util.concurrent.BrokenBarrierException;

/**
 * Python's barrier protocol, whoever holds it: {@link Barrier} in shared memory, or a {@code Manager}'s.
 * Python's {@code wait(timeout)} is {@link #await(double)}; a timeout or {@link #abort()} breaks the
 * barrier ({@link BrokenBarrierException}, Python's BrokenBarrierError) until {@link #reset()}.
 */
public interface SharedBarrier extends Serializable {

    /** Waits with the barrier's default timeout; returns this party's arrival index, 0 .. parties-1. */
    int await() throws BrokenBarrierException;

    /** Waits at most {@code timeoutSeconds} (negative: 0); a timeout breaks the barrier. */
    int await(double timeoutSeconds) throws BrokenBarrierException;

    /** Back to the empty state; parties still waiting get {@link BrokenBarrierException}. */
    void reset();

    /** Breaks the barrier: waiting and future parties get {@link BrokenBarrierException}. */
    void abort();

    int parties();

    int nWaiting();

    boolean broken();
}
