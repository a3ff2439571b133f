package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.Array;
import dev.mp4j.launcher.Value;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The one typecode table of the launcher: what {@link Value}, {@link Array} and a manager's value and
 * array accept, with the C sizes of a 64-bit Linux/macOS build, as CPython's {@code sharedctypes} maps
 * them: 'c' a one-byte char (C {@code char}, a Java byte) and 'b' signed byte, 'B' unsigned byte,
 * 'u' a wide character (C {@code wchar_t}, 4 bytes; a Java char), 'h'/'H' short, 'i'/'I' int,
 * 'l'/'L'/'q'/'Q' 8-byte long, 'f' float, 'd' double. A value reads back as the boxed type
 * {@link #read} names, whichever object holds it. Reads and writes are acquire/release accesses, so a
 * write is seen by other processes without a lock (but a read-then-write is not atomic without one).
 */
public enum TypeCode {
    CHAR('c', 1, false, false), BYTE('b', 1, false, false), UBYTE('B', 1, false, true), WCHAR('u', 4, false, true),
    SHORT('h', 2, false, false), USHORT('H', 2, false, true),
    INT('i', 4, false, false), UINT('I', 4, false, true),
    LONG('l', 8, false, false), ULONG('L', 8, false, true), LONGLONG('q', 8, false, false), ULONGLONG('Q', 8, false, true),
    FLOAT('f', 4, true, false), DOUBLE('d', 8, true, false);

    private static final VarHandle B = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle S = ValueLayout.JAVA_SHORT.varHandle();
    private static final VarHandle I = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle J = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle F = ValueLayout.JAVA_FLOAT.varHandle();
    private static final VarHandle D = ValueLayout.JAVA_DOUBLE.varHandle();

    public final char code;
    public final int size;
    final boolean floating;
    final boolean unsigned;

    TypeCode(char code, int size, boolean floating, boolean unsigned) {
        this.code = code;
        this.size = size;
        this.floating = floating;
        this.unsigned = unsigned;
    }

    public static TypeCode of(char code) {
        for (TypeCode type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("bad typecode (must be one of c, b, B, u, h, H, i, I, l, L, q, Q, f, d), was '" + code + "'");
    }

    /** An integral value as a long (unsigned types zero-extended). */
    public long readLong(MemorySegment segment, long at) {
        return switch (this) {
            case CHAR, BYTE -> (byte) B.getAcquire(segment, at);
            case UBYTE -> Byte.toUnsignedLong((byte) B.getAcquire(segment, at));
            case SHORT -> (short) S.getAcquire(segment, at);
            case USHORT -> Short.toUnsignedLong((short) S.getAcquire(segment, at));
            case INT -> (int) I.getAcquire(segment, at);
            case UINT, WCHAR -> Integer.toUnsignedLong((int) I.getAcquire(segment, at));
            case LONG, ULONG, LONGLONG, ULONGLONG -> (long) J.getAcquire(segment, at);
            case FLOAT -> (long) (float) F.getAcquire(segment, at);
            case DOUBLE -> (long) (double) D.getAcquire(segment, at);
        };
    }

    public double readDouble(MemorySegment segment, long at) {
        return switch (this) {
            case FLOAT -> (float) F.getAcquire(segment, at);
            case DOUBLE -> (double) D.getAcquire(segment, at);
            case ULONG, ULONGLONG -> unsignedToDouble(readLong(segment, at));
            default -> readLong(segment, at);
        };
    }

    /** Stores {@code value}, truncated to the type's width as C does. */
    public void writeLong(MemorySegment segment, long at, long value) {
        switch (this) {
            case CHAR, BYTE, UBYTE -> B.setRelease(segment, at, (byte) value);
            case SHORT, USHORT -> S.setRelease(segment, at, (short) value);
            case INT, UINT, WCHAR -> I.setRelease(segment, at, (int) value);
            case LONG, ULONG, LONGLONG, ULONGLONG -> J.setRelease(segment, at, value);
            case FLOAT -> F.setRelease(segment, at, (float) value);
            case DOUBLE -> D.setRelease(segment, at, (double) value);
        }
    }

    public void writeDouble(MemorySegment segment, long at, double value) {
        switch (this) {
            case FLOAT -> F.setRelease(segment, at, (float) value);
            case DOUBLE -> D.setRelease(segment, at, value);
            default -> throw new IllegalArgumentException("an integer is required for typecode '" + code + "', got " + value);
        }
    }

    /** The boxed value Python would show: Integer for 'i', Long for 'l', Double for 'd', Byte for 'c'. */
    public Number read(MemorySegment segment, long at) {
        return switch (this) {
            case WCHAR -> throw new IllegalStateException("typecode 'u' holds a character, not a number: use getChar()");
            case CHAR, BYTE -> (byte) readLong(segment, at);
            case UBYTE, SHORT -> (short) readLong(segment, at);
            case USHORT, INT -> (int) readLong(segment, at);
            case UINT, LONG, LONGLONG -> readLong(segment, at);
            case ULONG, ULONGLONG -> new java.math.BigInteger(Long.toUnsignedString(readLong(segment, at)));
            case FLOAT -> (float) readDouble(segment, at);
            case DOUBLE -> readDouble(segment, at);
        };
    }

    public void write(MemorySegment segment, long at, Number value) {
        java.util.Objects.requireNonNull(value, "value");
        if (this == WCHAR) {
            throw new IllegalArgumentException("typecode 'u' holds one character, not " + describe(value));
        }
        if (floating) {
            writeDouble(segment, at, value.doubleValue());
        } else if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            throw new IllegalArgumentException("int expected instead of float for typecode '" + code + "'");
        } else {
            writeLong(segment, at, value.longValue());
        }
    }

    /** A character of typecode 'u'. */
    public char readChar(MemorySegment segment, long at) {
        requireChar();
        return (char) readLong(segment, at);
    }

    public void writeChar(MemorySegment segment, long at, char value) {
        requireChar();
        writeLong(segment, at, value);
    }

    /**
     * {@code value} as this typecode holds it, for an object that keeps it on the heap (a manager's value
     * or array): a Character for 'u' (a Character or a one-character String), else the number stored and
     * read back exactly as shared memory does it.
     */
    public Object coerce(Object value) {
        if (this == WCHAR) {
            if (value instanceof Character || value instanceof String s && s.length() == 1) {
                return value instanceof String s ? s.charAt(0) : value;
            }
            throw new IllegalArgumentException("typecode 'u' holds one character, not " + describe(value));
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("typecode '" + code + "' holds a number, not " + describe(value));
        }
        MemorySegment scratch = MemorySegment.ofArray(new long[1]);
        write(scratch, 0, number);
        return read(scratch, 0);
    }

    private void requireChar() {
        if (this != WCHAR) {
            throw new IllegalStateException("typecode '" + code + "' holds a number, not a character");
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static double unsignedToDouble(long bits) {
        double high = (double) (bits >>> 1) * 2.0;
        return high + (bits & 1);
    }
}
