package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import dev.mp4j.launcher.internal.TypeCode;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code multiprocessing.Array}: a fixed-length array of numbers in shared memory, read and
 * written by every process that holds this object. Typecodes as for {@link Value}. Each element access
 * takes the array's lock (an {@link RLock} unless one is given), and {@link #toList()} (Python's
 * {@code arr[:]}) reads every element under one hold of it; {@link #raw} is Python's {@code RawArray}.
 * Negative indexes count from the end, as in Python.
 */
public final class Array implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final TypeCode type;
    private final int length;
    private final SharedBlock block;
    private final SharedLock lock;

    /** {@code Array(typecode, size)}: {@code size} zeros. */
    public Array(char typecode, int size) {
        this(typecode, size, true);
    }

    public Array(char typecode, int size, boolean lock) {
        this(TypeCode.of(typecode), size, lock ? new RLock() : null);
    }

    /** {@code Array(typecode, sequence)}, e.g. {@code new Array('i', IntStream.range(0, 10).toArray())}. */
    public Array(char typecode, int[] values) {
        this(typecode, box(values), true);
    }

    public Array(char typecode, double[] values) {
        this(typecode, java.util.Arrays.stream(values).boxed().toList(), true);
    }

    public Array(char typecode, List<? extends Number> values) {
        this(typecode, values, true);
    }

    public Array(char typecode, List<? extends Number> values, boolean lock) {
        this(typecode, values, lock ? new RLock() : null);
    }

    /** An array guarded by a lock shared with other objects. */
    public Array(char typecode, List<? extends Number> values, SharedLock lock) {
        this(TypeCode.of(typecode), values.size(), lock);
        for (int i = 0; i < length; i++) {
            type.write(block.segment(), offset(i), values.get(i));
        }
    }

    private Array(TypeCode type, int size, SharedLock lock) {
        if (size < 0) {
            throw new IllegalArgumentException("array size must be >= 0, was " + size);
        }
        this.type = type;
        this.length = size;
        this.block = SharedMemory.allocate(Math.max(1, (long) size * type.size));
        this.lock = lock;
    }

    private Array(TypeCode type, int length, SharedBlock block, SharedLock lock) {
        this.type = type;
        this.length = length;
        this.block = block;
        this.lock = lock;
    }

    /** Only when its lock (if any) writes itself too: a user's own lock travels in an object stream. */
    @Override
    public boolean writesItself() {
        return HandleCodec.writesItselfOrAbsent(lock);
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.ARRAY);
        out.writeChar(type.code);
        out.writeInt(length);
        block.write(out);
        HandleCodec.writeOptional(lock, out);
    }

    static Array readHandle(DataInput in) throws IOException {
        TypeCode type = TypeCode.of(in.readChar());
        int length = in.readInt();
        if (length < 0) {
            throw new StreamCorruptedException("bad array length " + length);
        }
        return new Array(type, length, SharedBlock.read(in), HandleCodec.readField(in, SharedLock.class));
    }

    /** Python's {@code RawArray(typecode, size)}: shared, with no lock. */
    public static Array raw(char typecode, int size) {
        return new Array(typecode, size, false);
    }

    /** Python's {@code RawArray(typecode, sequence)}. */
    public static Array raw(char typecode, List<? extends Number> values) {
        return new Array(typecode, values, false);
    }

    private static List<Integer> box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    public char typecode() {
        return type.code;
    }

    /** Python's {@code len(arr)}. */
    public int length() {
        return length;
    }

    public SharedLock getLock() {
        if (lock == null) {
            throw new UnsupportedOperationException("a raw Array has no lock (made with lock=false)");
        }
        return lock;
    }

    public Number get(int index) {
        long at = offset(index);
        if (lock == null) {
            return type.read(block.segment(), at);
        }
        lock.acquire();
        try {
            return type.read(block.segment(), at);
        } finally {
            lock.release();
        }
    }

    public void set(int index, Number value) {
        long at = offset(index);
        if (lock == null) {
            type.write(block.segment(), at, value);
            return;
        }
        lock.acquire();
        try {
            type.write(block.segment(), at, value);
        } finally {
            lock.release();
        }
    }

    /** The character at {@code index} of a {@code 'u'} array. */
    public char getChar(int index) {
        long at = offset(index);
        if (lock == null) {
            return type.readChar(block.segment(), at);
        }
        lock.acquire();
        try {
            return type.readChar(block.segment(), at);
        } finally {
            lock.release();
        }
    }

    public void setChar(int index, char value) {
        long at = offset(index);
        if (lock == null) {
            type.writeChar(block.segment(), at, value);
            return;
        }
        lock.acquire();
        try {
            type.writeChar(block.segment(), at, value);
        } finally {
            lock.release();
        }
    }

    public int getInt(int index) {
        return (int) getLong(index);
    }

    public void setInt(int index, int value) {
        setLong(index, value);
    }

    public long getLong(int index) {
        long at = offset(index);
        if (lock == null) {
            return type.readLong(block.segment(), at);
        }
        lock.acquire();
        try {
            return type.readLong(block.segment(), at);
        } finally {
            lock.release();
        }
    }

    public void setLong(int index, long value) {
        long at = offset(index);
        if (lock == null) {
            type.writeLong(block.segment(), at, value);
            return;
        }
        lock.acquire();
        try {
            type.writeLong(block.segment(), at, value);
        } finally {
            lock.release();
        }
    }

    public double getDouble(int index) {
        long at = offset(index);
        if (lock == null) {
            return type.readDouble(block.segment(), at);
        }
        lock.acquire();
        try {
            return type.readDouble(block.segment(), at);
        } finally {
            lock.release();
        }
    }

    public void setDouble(int index, double value) {
        long at = offset(index);
        if (lock == null) {
            type.writeDouble(block.segment(), at, value);
            return;
        }
        lock.acquire();
        try {
            type.writeDouble(block.segment(), at, value);
        } finally {
            lock.release();
        }
    }

    /** Python's {@code arr[:]}: a copy of every element, read under one hold of the lock. */
    public List<Number> toList() {
        if (lock != null) {
            lock.acquire();
        }
        try {
            List<Number> copy = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                copy.add(type.read(block.segment(), offset(i)));
            }
            return copy;
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }

    private long offset(int index) {
        int i = index < 0 ? index + length : index;
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("invalid index " + index + " for an array of length " + length);
        }
        return (long) i * type.size;
    }

    @Override
    public String toString() {
        return (lock == null ? "RawArray" : "Array") + "('" + type.code + "', " + toList() + ")";
    }
}
