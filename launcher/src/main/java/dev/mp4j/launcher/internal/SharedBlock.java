package dev.mp4j.launcher.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A block of {@link SharedMemory}: what crosses a process boundary is only the file's path, the offset
 * and the size; the receiving process maps the file (once) on deserialization. Offsets in the accessors
 * are relative to the block.
 */
public final class SharedBlock implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final String file;
    private final long offset;
    private final long size;
    private transient MemorySegment segment;

    SharedBlock(String file, long offset, long size) {
        this.file = file;
        this.offset = offset;
        this.size = size;
        attach();
    }

    private void attach() {
        segment = SharedMemory.segment(file).asSlice(offset, size);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        checkBounds(file, offset, size);
        attach();
    }

    private static void checkBounds(String file, long offset, long size) throws InvalidObjectException {
        if (offset < 0 || size <= 0 || offset % SharedMemory.ALIGN != 0) {
            throw new InvalidObjectException("bad shared block " + file + "@" + offset);
        }
    }

    /** The fields its serialized form carries, for a {@link Handle} that holds this block. */
    public void write(DataOutput out) throws IOException {
        out.writeUTF(file);
        out.writeLong(offset);
        out.writeLong(size);
    }

    /** The block {@link #write} wrote, mapped here as deserialization maps it. */
    public static SharedBlock read(DataInput in) throws IOException {
        String file = in.readUTF();
        long offset = in.readLong();
        long size = in.readLong();
        checkBounds(file, offset, size);
        return new SharedBlock(file, offset, size);
    }

    /** The mapped file this block lives in (its directory is the creator's private shared-memory directory). */
    public java.nio.file.Path file() {
        return java.nio.file.Path.of(file);
    }

    public MemorySegment segment() {
        return segment;
    }

    long size() {
        return size;
    }

    public long getLongVolatile(long at) {
        return (long) LONG.getVolatile(segment, at);
    }

    public void setLongVolatile(long at, long value) {
        LONG.setVolatile(segment, at, value);
    }

    public void setLongRelease(long at, long value) {
        LONG.setRelease(segment, at, value);
    }

    public boolean casLong(long at, long expected, long value) {
        return LONG.compareAndSet(segment, at, expected, value);
    }

    long getAndSetLong(long at, long value) {
        return (long) LONG.getAndSet(segment, at, value);
    }

    public long getAndAddLong(long at, long delta) {
        return (long) LONG.getAndAdd(segment, at, delta);
    }

    public long getAndBitwiseOrLong(long at, long mask) {
        return (long) LONG.getAndBitwiseOr(segment, at, mask);
    }

    public long getAndBitwiseAndLong(long at, long mask) {
        return (long) LONG.getAndBitwiseAnd(segment, at, mask);
    }

    public int getIntVolatile(long at) {
        return (int) INT.getVolatile(segment, at);
    }

    public void setIntVolatile(long at, int value) {
        INT.setVolatile(segment, at, value);
    }

    @Override
    public String toString() {
        return file + "@" + offset;
    }
}
