package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.SharedBarrier;
import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.Timeouts;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.util.concurrent.BrokenBarrierException;

/**
 * A Barrier held by a {@link Manager}'s server.
 */
final class BarrierProxy implements SharedBarrier, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    BarrierProxy(ProxyRef ref) {
        this.ref = ref;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.BARRIER, out);
    }

    static BarrierProxy readHandle(DataInput in) throws IOException {
        return new BarrierProxy(ProxyRef.read(in));
    }

    @Override
    public int await() throws BrokenBarrierException {
        return await(Timeouts.FOREVER);
    }

    @Override
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

    @Override
    public void reset() {
        ref.call(ManagedBarrier.Op.RESET);
    }

    @Override
    public void abort() {
        ref.call(ManagedBarrier.Op.ABORT);
    }

    @Override
    public int parties() {
        return (Integer) ref.call(ManagedBarrier.Op.PARTIES);
    }

    @Override
    public int nWaiting() {
        return (Integer) ref.call(ManagedBarrier.Op.N_WAITING);
    }

    @Override
    public boolean broken() {
        return (Boolean) ref.call(ManagedBarrier.Op.BROKEN);
    }

    @Override
    public String toString() {
        return "<BarrierProxy " + ref + ">";
    }
}
