package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Backoff;
import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import dev.mp4j.launcher.internal.Timeouts;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * Python's {@code multiprocessing.Semaphore}: a counter in shared memory; {@code acquire} takes one
 * (waiting while it is 0), {@code release} gives one back. Permits are not owned, so a process that dies
 * holding one does not give it back (as in CPython); prefer {@link Lock} where a holder can die.
 */
public sealed class Semaphore implements SharedSemaphore, Handle permits BoundedSemaphore {

    @Serial
    private static final long serialVersionUID = 1L;
    static final long COUNT = 0;

    final SharedBlock block;

    /** A semaphore holding {@code value} permits. */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        block = SharedMemory.allocate(Long.BYTES);
        block.setLongVolatile(COUNT, value);
    }

    /** Python's default {@code Semaphore()}: one permit. */
    public Semaphore() {
        this(1);
    }

    /** A semaphore over an existing counter: one rebuilt in another process. */
    Semaphore(SharedBlock block) {
        this.block = block;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.SEMAPHORE);
        block.write(out);
    }

    static Semaphore readHandle(DataInput in) throws IOException {
        return new Semaphore(SharedBlock.read(in));
    }

    @Override
    public final boolean acquire(boolean blocking, double timeoutSeconds) {
        if (tryTake()) {
            return true;
        }
        if (!blocking || Timeouts.nanos(timeoutSeconds) == 0) {
            return false;
        }
        long deadline = Backoff.deadline(timeoutSeconds);
        Backoff backoff = new Backoff();
        while (backoff.pause(deadline)) {
            if (tryTake()) {
                return true;
            }
        }
        return tryTake();
    }

    private boolean tryTake() {
        for (long count = block.getLongVolatile(COUNT); count > 0; count = block.getLongVolatile(COUNT)) {
            if (block.casLong(COUNT, count, count - 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void release() {
        block.getAndAddLong(COUNT, 1);
    }

    @Override
    public final int getValue() {
        return (int) block.getLongVolatile(COUNT);
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + "(value=" + getValue() + ")>";
    }
}
