package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.SharedBlock;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * Python's {@code BoundedSemaphore}: a {@link Semaphore} that refuses to be released past its initial
 * value, which catches a release without a matching acquire.
 */
public final class BoundedSemaphore extends Semaphore {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int maxValue;

    public BoundedSemaphore(int value) {
        super(value);
        maxValue = value;
    }

    public BoundedSemaphore() {
        this(1);
    }

    private BoundedSemaphore(SharedBlock block, int maxValue) {
        super(block);
        this.maxValue = maxValue;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.BOUNDED_SEMAPHORE);
        block.write(out);
        out.writeInt(maxValue);
    }

    static BoundedSemaphore readHandle(DataInput in) throws IOException {
        return new BoundedSemaphore(SharedBlock.read(in), in.readInt());
    }

    /** Raises {@link IllegalStateException} when the count is already at its initial value. */
    @Override
    public void release() {
        for (long count = block.getLongVolatile(COUNT); ; count = block.getLongVolatile(COUNT)) {
            if (count >= maxValue) {
                throw new IllegalStateException("Semaphore released too many times");
            }
            if (block.casLong(COUNT, count, count + 1)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "<BoundedSemaphore(value=" + getValue() + ", maxvalue=" + maxValue + ")>";
    }
}
