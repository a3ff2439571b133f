package dev.mp4j.launcher.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A block of {@link SharedMemory}: what crosses a process boundary is only the file's path, the offset
 * and the size; the receiving process maps the file (once) on deserialization. Offsets in the accessors
 * are relative to the block.
 */
public final class SharedBlock implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    // Atomic words go through a byte-buffer view of the mapping: ValueLayout.varHandle() adapts its handle
    // with combinators that spin about ten LambdaForm classes in every fresh JVM (some 10 ms of a child's start).
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final String file;
    private final long offset;
    private final long size;
    private transient MemorySegment segment;
    private transient ByteBuffer words; // the block's first 2 GiB at most: a buffer's index is an int

    SharedBlock(String file, long offset, long size) {
        this.file = file;
        this.offset = offset;
        this.size = size;
        attach();
    }

    private void attach() {
        segment = SharedMemory.segment(file).asSlice(offset, size);
        words = segment.asSlice(0, Math.min(size, Integer.MAX_VALUE)).asByteBuffer();
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

    private static int word(long at) {
        return Math.toIntExact(at);
    }

    public long getLongVolatile(long at) {
        return (long) LONG.getVolatile(words, word(at));
    }

    public void setLongVolatile(long at, long value) {
        LONG.setVolatile(words, word(at), value);
    }

    public void setLongRelease(long at, long value) {
        LONG.setRelease(words, word(at), value);
    }

    public boolean casLong(long at, long expected, long value) {
        return LONG.compareAndSet(words, word(at), expected, value);
    }

    long getAndSetLong(long at, long value) {
        return (long) LONG.getAndSet(words, word(at), value);
    }

    public long getAndAddLong(long at, long delta) {
        return (long) LONG.getAndAdd(words, word(at), delta);
    }

    public long getAndBitwiseOrLong(long at, long mask) {
        return (long) LONG.getAndBitwiseOr(words, word(at), mask);
    }

    public long getAndBitwiseAndLong(long at, long mask) {
        return (long) LONG.getAndBitwiseAnd(words, word(at), mask);
    }

    public int getIntVolatile(long at) {
        return (int) INT.getVolatile(words, word(at));
    }

    public void setIntVolatile(long at, int value) {
        INT.setVolatile(words, word(at), value);
    }

    @Override
    public String toString() {
        return file + "@" + offset;
    }
}
