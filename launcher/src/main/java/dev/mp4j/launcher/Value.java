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

/**
 * Python's {@code multiprocessing.Value}: one number in shared memory, read and written by every process
 * that holds this object (capture it in a target). Typecodes as Python's: {@code 'i'} int, {@code 'l'}
 * long, {@code 'd'} double, {@code 'c'}/{@code 'b'} byte, and the others listed by {@link #typecode()}.
 *
 * <p>As in Python, each {@code get}/{@code set} takes the value's lock (an {@link RLock} unless one is
 * given), so a single read or write is safe; a read-modify-write is not, and needs the lock held around
 * it: {@code try (var held = v.getLock().acquired()) { v.setInt(v.getInt() + 1); }}. {@link #raw} is
 * Python's {@code RawValue} / {@code lock=False}: no lock at all.
 */
public final class Value implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final TypeCode type;
    private final SharedBlock block;
    private final SharedLock lock;

    /** {@code Value(typecode, initial)}: guarded by a new {@link RLock}. */
    public Value(char typecode, Number initial) {
        this(typecode, initial, new RLock());
    }

    /** {@code Value(typecode, initial, lock=...)}: {@code true} for a new RLock, {@code false} for none. */
    public Value(char typecode, Number initial, boolean lock) {
        this(typecode, initial, lock ? new RLock() : null);
    }

    /** {@code Value(typecode, initial, lock=someLock)}: guarded by a lock shared with other objects. */
    public Value(char typecode, Number initial, SharedLock lock) {
        this(TypeCode.of(typecode), lock);
        type.write(block.segment(), 0, initial);
    }

    /** {@code Value('u', 'x')}: a wide character, guarded by a new {@link RLock}. */
    public Value(char typecode, char initial) {
        this(TypeCode.of(typecode), new RLock());
        type.writeChar(block.segment(), 0, initial);
    }

    private Value(TypeCode type, SharedLock lock) {
        this(type, SharedMemory.allocate(type.size), lock);
    }

    private Value(TypeCode type, SharedBlock block, SharedLock lock) {
        this.type = type;
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
        out.writeByte(HandleKinds.VALUE);
        out.writeChar(type.code);
        block.write(out);
        HandleCodec.writeOptional(lock, out);
    }

    static Value readHandle(DataInput in) throws IOException {
        TypeCode type = TypeCode.of(in.readChar());
        return new Value(type, SharedBlock.read(in), HandleCodec.readField(in, SharedLock.class));
    }

    /** Python's {@code RawValue}: shared, with no lock. */
    public static Value raw(char typecode, Number initial) {
        return new Value(typecode, initial, false);
    }

    public char typecode() {
        return type.code;
    }

    /** The lock guarding this value; raises for a raw value, which has none (Python's AttributeError). */
    public SharedLock getLock() {
        if (lock == null) {
            throw new UnsupportedOperationException("a raw Value has no lock (made with lock=false)");
        }
        return lock;
    }

    /** Python's {@code value}, boxed as Python would show it (Double for 'd', Integer for 'i', ...). */
    public Number get() {
        if (lock == null) {
            return type.read(block.segment(), 0);
        }
        lock.acquire();
        try {
            return type.read(block.segment(), 0);
        } finally {
            lock.release();
        }
    }

    /** Python's {@code value = x}; integers are truncated to the type's width, like ctypes. */
    public void set(Number value) {
        if (lock == null) {
            type.write(block.segment(), 0, value);
            return;
        }
        lock.acquire();
        try {
            type.write(block.segment(), 0, value);
        } finally {
            lock.release();
        }
    }

    public int getInt() {
        return (int) getLong();
    }

    public void setInt(int value) {
        setLong(value);
    }

    public long getLong() {
        if (lock == null) {
            return type.readLong(block.segment(), 0);
        }
        lock.acquire();
        try {
            return type.readLong(block.segment(), 0);
        } finally {
            lock.release();
        }
    }

    public void setLong(long value) {
        if (lock == null) {
            type.writeLong(block.segment(), 0, value);
            return;
        }
        lock.acquire();
        try {
            type.writeLong(block.segment(), 0, value);
        } finally {
            lock.release();
        }
    }

    public double getDouble() {
        if (lock == null) {
            return type.readDouble(block.segment(), 0);
        }
        lock.acquire();
        try {
            return type.readDouble(block.segment(), 0);
        } finally {
            lock.release();
        }
    }

    public void setDouble(double value) {
        if (lock == null) {
            type.writeDouble(block.segment(), 0, value);
            return;
        }
        lock.acquire();
        try {
            type.writeDouble(block.segment(), 0, value);
        } finally {
            lock.release();
        }
    }

    /** The character of a {@code 'u'} value. */
    public char getChar() {
        if (lock == null) {
            return type.readChar(block.segment(), 0);
        }
        lock.acquire();
        try {
            return type.readChar(block.segment(), 0);
        } finally {
            lock.release();
        }
    }

    public void setChar(char value) {
        if (lock == null) {
            type.writeChar(block.segment(), 0, value);
            return;
        }
        lock.acquire();
        try {
            type.writeChar(block.segment(), 0, value);
        } finally {
            lock.release();
        }
    }

    @Override
    public String toString() {
        Object shown = type == TypeCode.WCHAR ? "'" + getChar() + "'" : get();
        return (lock == null ? "RawValue" : "Value") + "('" + type.code + "', " + shown + ")";
    }
}
