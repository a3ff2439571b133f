package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import dev.mp4j.launcher.internal.Timeouts;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.StreamCorruptedException;
import java.util.concurrent.BrokenBarrierException;

/**
 * Python's {@code multiprocessing.Barrier}: {@code parties} processes (or threads) {@link #await} until
 * all have arrived, then all go on; the last to arrive runs the optional action first. A timeout, an
 * {@link #abort()}, a {@link #reset()} or a failing action breaks the barrier: waiters get
 * {@link BrokenBarrierException} (Python's BrokenBarrierError), and so does every later {@code await}
 * until {@code reset()}. The state lives in shared memory under a shared {@link Condition}; the
 * algorithm is CPython's {@code threading.Barrier}.
 */
public final class Barrier implements SharedBarrier, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final long STATE = 0;
    private static final long COUNT = 8;
    private static final int FILLING = 0;
    private static final int DRAINING = 1;
    private static final int RESETTING = -1;
    private static final int BROKEN = -2;

    private final int parties;
    private final Target action;
    private final double timeout;
    private final Condition cond;
    private final SharedBlock block;

    /** {@code action} (may be null) runs in the last arriving process; {@code timeoutSeconds} is {@link #await()}'s. */
    public Barrier(int parties, Target action, double timeoutSeconds) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1");
        }
        this.parties = parties;
        this.action = action;
        this.timeout = timeoutSeconds;
        this.cond = new Condition(new Lock());
        this.block = SharedMemory.allocate(2 * Long.BYTES);
    }

    private Barrier(int parties, double timeoutSeconds, Condition cond, SharedBlock block) {
        this.parties = parties;
        this.action = null;
        this.timeout = timeoutSeconds;
        this.cond = cond;
        this.block = block;
    }

    /** Only without an action: the action is the user's object, which an object stream carries. */
    @Override
    public boolean writesItself() {
        return action == null;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.BARRIER);
        out.writeInt(parties);
        out.writeDouble(timeout);
        cond.writeHandle(out);
        block.write(out);
    }

    static Barrier readHandle(DataInput in) throws IOException {
        int parties = in.readInt();
        double timeout = in.readDouble();
        Condition cond = HandleCodec.readField(in, Condition.class);
        if (parties < 1 || cond == null) {
            throw new StreamCorruptedException("bad barrier: " + parties + " parties, condition " + cond);
        }
        return new Barrier(parties, timeout, cond, SharedBlock.read(in));
    }

    public Barrier(int parties, Target action) {
        this(parties, action, Timeouts.FOREVER);
    }

    public Barrier(int parties) {
        this(parties, null, Timeouts.FOREVER);
    }

    @Override
    public int await() throws BrokenBarrierException {
        return await(timeout);
    }

    @Override
    public int await(double timeoutSeconds) throws BrokenBarrierException {
        try (Held held = cond.acquired()) {
            enter();
            int index = count();
            setCount(index + 1);
            try {
                if (index + 1 == parties) {
                    releaseAll();
                } else {
                    waitForRelease(timeoutSeconds);
                }
                return index;
            } finally {
                setCount(count() - 1);
                exit();
            }
        }
    }

    private void enter() throws BrokenBarrierException {
        while (state() == RESETTING || state() == DRAINING) {
            cond.await();
        }
        if (state() < 0) {
            throw new BrokenBarrierException();
        }
    }

    private void releaseAll() throws BrokenBarrierException {
        try {
            if (action != null) {
                action.run();
            }
            setState(DRAINING);
            cond.signalAll();
        } catch (Exception | Error e) {
            breakBarrier();
            BrokenBarrierException broken = new BrokenBarrierException("the barrier action failed: " + e);
            broken.initCause(e);
            throw broken;
        }
    }

    private void waitForRelease(double timeoutSeconds) throws BrokenBarrierException {
        if (!cond.waitFor(() -> state() != FILLING, timeoutSeconds)) {
            breakBarrier();
            throw new BrokenBarrierException();
        }
        if (state() < 0) {
            throw new BrokenBarrierException();
        }
    }

    private void exit() {
        if (count() == 0 && (state() == RESETTING || state() == DRAINING)) {
            setState(FILLING);
            cond.signalAll();
        }
    }

    @Override
    public void reset() {
        try (Held held = cond.acquired()) {
            if (count() > 0) {
                if (state() == FILLING || state() == BROKEN) {
                    setState(RESETTING);
                }
                // draining: the last leaver sets FILLING
            } else {
                setState(FILLING);
            }
            cond.signalAll();
        }
    }

    @Override
    public void abort() {
        try (Held held = cond.acquired()) {
            breakBarrier();
        }
    }

    private void breakBarrier() {
        setState(BROKEN);
        cond.signalAll();
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int nWaiting() {
        try (Held held = cond.acquired()) {
            return state() == FILLING ? count() : 0;
        }
    }

    @Override
    public boolean broken() {
        try (Held held = cond.acquired()) {
            return state() == BROKEN;
        }
    }

    private int state() {
        return (int) block.getLongVolatile(STATE);
    }

    private void setState(int state) {
        block.setLongVolatile(STATE, state);
    }

    private int count() {
        return (int) block.getLongVolatile(COUNT);
    }

    private void setCount(int count) {
        block.setLongVolatile(COUNT, count);
    }

    @Override
    public String toString() {
        return "<Barrier(parties=" + parties + ", waiting=" + nWaiting() + (broken() ? ", broken" : "") + ")>";
    }
}
