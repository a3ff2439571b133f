package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * Python's {@code multiprocessing.RLock}: re-entrant for its holder (one thread of one process), which
 * must release it as many times as it acquired it. Releasing it from any other thread raises
 * {@link IllegalMonitorStateException} (CPython's AssertionError). A holder that dies is handled as for
 * {@link Lock}.
 */
public final class RLock implements SharedLock, Handle {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long WORD = 0;
    private static final long COUNT = 8;

    private final SharedBlock block;

    public RLock() {
        block = SharedMemory.allocate(2 * Long.BYTES);
    }

    private RLock(SharedBlock block) {
        this.block = block;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.RLOCK);
        block.write(out);
    }

    static RLock readHandle(DataInput in) throws IOException {
        return new RLock(SharedBlock.read(in));
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        long me = OwnerWord.myToken();
        if (block.getLongVolatile(WORD) == me) {
            // only the holder writes the count, so a plain increment is safe
            block.setLongRelease(COUNT, block.getLongVolatile(COUNT) + 1);
            return true;
        }
        if (OwnerWord.acquire(block, WORD, me, blocking, timeoutSeconds, "an RLock", () -> block.setLongVolatile(COUNT, 0))) {
            block.setLongRelease(COUNT, 1);
            return true;
        }
        return false;
    }

    @Override
    public void release() {
        if (block.getLongVolatile(WORD) != OwnerWord.myToken()) {
            throw new IllegalMonitorStateException("attempt to release recursive lock not owned by thread");
        }
        long count = block.getLongVolatile(COUNT) - 1;
        block.setLongRelease(COUNT, count);
        if (count == 0) {
            block.setLongRelease(WORD, 0);
        }
    }

    @Override
    public boolean isOwned() {
        return block.getLongVolatile(WORD) == OwnerWord.myToken();
    }

    /** How many times the holder has acquired it. */
    int depth() {
        return (int) block.getLongVolatile(COUNT);
    }

    @Override
    public String toString() {
        long holder = block.getLongVolatile(WORD);
        if (holder == 0) {
            return "<RLock(None, 0)>";
        }
        String who = OwnerWord.pidOf(holder) == OwnerWord.PID ? "thread " + (holder & 0xffff_ffffL) : "process " + OwnerWord.pidOf(holder);
        return "<RLock(" + who + ", " + depth() + ")>";
    }
}
