package dev.mp4j.launcher;

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
