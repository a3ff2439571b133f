package dev.mp4j.launcher.internal;

import java.util.Arrays;

/**
 * A position in a byte array, reading or writing big-endian numbers there; writing past the end grows
 * the array. The pool's frames are read and written through it rather than through data or byte
 * buffers: in a young JVM every layer of those is interpreted, and a task's few numbers cost more to
 * write through them than the task takes to run.
 */
public final class ByteCursor {

    private byte[] bytes;
    private int at;

    public ByteCursor(byte[] bytes, int at) {
        this.bytes = bytes;
        this.at = at;
    }

    /** A cursor writing from the start of a new array of {@code capacity} bytes. */
    public static ByteCursor writing(int capacity) {
        return new ByteCursor(new byte[Math.max(16, capacity)], 0);
    }

    public int position() {
        return at;
    }

    public void position(int position) {
        at = position;
    }

    /** The bytes written so far (the whole array when it is exactly full). */
    public byte[] written() {
        return at == bytes.length ? bytes : Arrays.copyOf(bytes, at);
    }

    public ByteCursor put(byte value) {
        room(1);
        bytes[at++] = value;
        return this;
    }

    public ByteCursor putInt(int value) {
        room(4);
        putInt(bytes, at, value);
        at += 4;
        return this;
    }

    public ByteCursor putLong(long value) {
        room(8);
        putInt(bytes, at, (int) (value >>> 32));
        putInt(bytes, at + 4, (int) value);
        at += 8;
        return this;
    }

    public ByteCursor put(byte[] values) {
        room(values.length);
        System.arraycopy(values, 0, bytes, at, values.length);
        at += values.length;
        return this;
    }

    public byte get() {
        return bytes[at++];
    }

    public int getInt() {
        int value = getInt(bytes, at);
        at += 4;
        return value;
    }

    public long getLong() {
        long high = getInt(bytes, at);
        long low = getInt(bytes, at + 4) & 0xFFFF_FFFFL;
        at += 8;
        return high << 32 | low;
    }

    /** The next {@code length} bytes, copied. */
    public byte[] take(int length) {
        byte[] taken = Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return taken;
    }

    public static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    public static int getInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }

    private void room(int more) {
        if (at + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + more));
        }
    }
}
