package dev.mp4j.launcher.managers;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A manager's Barrier, behind {@link BarrierProxy}. */
final class ManagedBarrier extends TypedManaged<ManagedBarrier.Op> {

    enum Op implements Operation {
        WAIT, RESET, ABORT, PARTIES, N_WAITING, BROKEN
    }

    private final CyclicBarrier barrier;
    private volatile boolean aborted;

    ManagedBarrier(int parties) {
        super(Op.class);
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        barrier = new CyclicBarrier(parties);
    }

    @Override
    String typeName() {
        return "Barrier";
    }

    @Override
    Object run(Owner owner, Op op, Object[] a) throws Exception {
        return switch (op) {
            case WAIT -> {
                if (aborted) {
                    throw new BrokenBarrierException();
                }
                double timeout = (Double) a[0];
                try {
                    yield Deadlines.nanos(timeout) == Deadlines.FOREVER ? barrier.await() : barrier.await(Deadlines.nanos(timeout), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw new BrokenBarrierException("barrier wait timed out: the barrier is now broken");
                }
            }
            case RESET -> {
                aborted = false;
                barrier.reset();
                yield null;
            }
            case ABORT -> {
                aborted = true;
                barrier.reset();
                yield null;
            }
            case PARTIES -> barrier.getParties();
            case N_WAITING -> barrier.getNumberWaiting();
            case BROKEN -> aborted || barrier.isBroken();
        };
    }
}
