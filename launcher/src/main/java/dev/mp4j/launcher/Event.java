package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Backoff;
import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/**
 * Python's {@code multiprocessing.Event}: a flag in shared memory that processes wait for. Python's
 * {@code wait} is {@link #await} here ({@code Object.wait()} is final in Java).
 */
public final class Event implements SharedEvent, Handle {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long FLAG = 0;

    private final SharedBlock block;

    public Event() {
        block = SharedMemory.allocate(Long.BYTES);
    }

    private Event(SharedBlock block) {
        this.block = block;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.EVENT);
        block.write(out);
    }

    static Event readHandle(DataInput in) throws IOException {
        return new Event(SharedBlock.read(in));
    }

    @Override
    public boolean isSet() {
        return block.getLongVolatile(FLAG) != 0;
    }

    @Override
    public void set() {
        block.setLongVolatile(FLAG, 1);
    }

    @Override
    public void clear() {
        block.setLongVolatile(FLAG, 0);
    }

    @Override
    public boolean await(double timeoutSeconds) {
        if (isSet()) {
            return true;
        }
        long deadline = Backoff.deadline(timeoutSeconds);
        Backoff backoff = new Backoff();
        while (backoff.pause(deadline)) {
            if (isSet()) {
                return true;
            }
        }
        return isSet();
    }

    @Override
    public String toString() {
        return "<Event(" + (isSet() ? "set" : "unset") + ")>";
    }
}
