package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Timeouts;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.BrokenBarrierException;

/**
 * A Barrier held by a {@link Manager}'s server. Python's {@code wait(timeout)} is {@link #await(double)};
 * a timeout or {@link #abort()} breaks it (BrokenBarrierException, Python's BrokenBarrierError) until
 * {@link #reset()}.
 */
public final class BarrierProxy implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    BarrierProxy(ProxyRef ref) {
        this.ref = ref;
    }

    public int await() throws BrokenBarrierException {
        return await(Timeouts.FOREVER);
    }

    /** Waits for all parties; returns an arrival index, distinct per party. */
    public int await(double timeoutSeconds) throws BrokenBarrierException {
        try {
            return (Integer) ref.call(ManagedBarrier.Op.WAIT, timeoutSeconds);
        } catch (RemoteError e) {
            if (e.getCause() instanceof BrokenBarrierException broken) {
                throw broken;
            }
            throw e;
        }
    }

    public void reset() {
        ref.call(ManagedBarrier.Op.RESET);
    }

    public void abort() {
        ref.call(ManagedBarrier.Op.ABORT);
    }

    public int parties() {
        return (Integer) ref.call(ManagedBarrier.Op.PARTIES);
    }

    public int nWaiting() {
        return (Integer) ref.call(ManagedBarrier.Op.N_WAITING);
    }

    public boolean broken() {
        return (Boolean) ref.call(ManagedBarrier.Op.BROKEN);
    }

    @Override
    public String toString() {
        return "<BarrierProxy " + ref + ">";
    }
}
