package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * Python's {@code multiprocessing.Lock}: a non-recursive lock in shared memory, usable from every process
 * that holds this object (capture it in a target). As in CPython, any thread of any process may release
 * it, and releasing it while unheld raises. Unlike CPython, a lock whose holder process died is not held
 * forever: see {@link OwnerDiedException}.
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * new ChildProcess(() -> { try (var held = lock.acquired()) { System.out.println("hello"); } }).start();
 * }</pre>
 */
public final class Lock implements SharedLock, Handle {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long WORD = 0;

    private final SharedBlock block;

    public Lock() {
        block = SharedMemory.allocate(Long.BYTES);
    }

    private Lock(SharedBlock block) {
        this.block = block;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.LOCK);
        block.write(out);
    }

    static Lock readHandle(DataInput in) throws IOException {
        return new Lock(SharedBlock.read(in));
    }

    @Override
    public boolean acquire(boolean blocking, double timeoutSeconds) {
        return OwnerWord.acquire(block, WORD, OwnerWord.myToken(), blocking, timeoutSeconds, "a Lock", () -> { });
    }

    /** Frees the lock; raises {@link IllegalStateException} if it is not held (CPython's ValueError). */
    @Override
    public void release() {
        // a plain release store: the holder is the only writer until the word is 0 again
        if (block.getLongVolatile(WORD) == 0) {
            throw new IllegalStateException("semaphore or lock released too many times");
        }
        block.setLongRelease(WORD, 0);
    }

    @Override
    public boolean isOwned() {
        return block.getLongVolatile(WORD) == OwnerWord.myToken();
    }

    @Override
    public String toString() {
        long holder = block.getLongVolatile(WORD);
        if (holder == 0) {
            return "<Lock(owner=None)>";
        }
        String thread = OwnerWord.pidOf(holder) == OwnerWord.PID ? "thread " + (holder & 0xffff_ffffL) : "process " + OwnerWord.pidOf(holder);
        return "<Lock(owner=" + thread + ")>";
    }
}
