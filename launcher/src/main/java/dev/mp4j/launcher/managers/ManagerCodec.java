package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.internal.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Manager's wire format. A call is one frame (see {@link Connection}); its arguments and its result
 * are values as {@link ValueCodec} encodes them everywhere in the launcher, each after its length.
 */
final class ManagerCodec {

    // requests
    static final byte CALL = 1;
    static final byte CREATE = 2;
    static final byte REGISTER = 3;
    static final byte SHUTDOWN = 4;
    /** Write-behind calls, applied in order, answered by nothing unless a later SYNC asks. */
    static final byte BATCH = 5;
    /** Answers OK if every batched call since the last SYNC succeeded, else the first failure. */
    static final byte SYNC = 6;
    /** The caller of the call in progress on this connection was interrupted ({@link CancelWatch}). */
    static final byte CANCEL = 7;
    // replies
    static final byte OK = 0;
    static final byte ERROR = 1;

    private ManagerCodec() {
    }

    /** A growable frame being written. */
    static final class Out {
        byte[] buf = new byte[128];
        int size;

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        Out writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
            return this;
        }

        Out writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
            return this;
        }

        Out writeLong(long v) {
            writeInt((int) (v >>> 32));
            return writeInt((int) v);
        }

        Out writeBytes(byte[] bytes) {
            writeInt(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
            return this;
        }

        Out writeRaw(byte[] bytes, int length) {
            ensure(length);
            System.arraycopy(bytes, 0, buf, size, length);
            size += length;
            return this;
        }

        Out writeString(String s) {
            return writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        Out writeValue(Object value) {
            return writeBytes(ValueCodec.encode(value, "for the manager"));
        }
    }

    /** A received frame being read. */
    static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        boolean hasMore() {
            return pos < buf.length;
        }

        /** The next {@code length} bytes as a frame of their own. */
        In slice(int length) {
            In part = new In(Arrays.copyOfRange(buf, pos, pos + length));
            pos += length;
            return part;
        }

        byte readByte() {
            return buf[pos++];
        }

        int readInt() {
            int v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8 | buf[pos + 3] & 0xff;
            pos += 4;
            return v;
        }

        long readLong() {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        byte[] readBytes() {
            int length = readInt();
            byte[] bytes = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return bytes;
        }

        String readString() {
            int length = readInt();
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        /** Reads a value; a serialized one goes through the filter and a refusal names the class. */
        Object readValue() {
            int length = readInt();
            Object value = ValueCodec.decode(buf, pos, length);
            pos += length;
            return value;
        }

        Object[] readValues() {
            Object[] values = new Object[readByte()];
            for (int i = 0; i < values.length; i++) {
                values[i] = readValue();
            }
            return values;
        }
    }

    static Out writeValues(Out out, Object[] values) {
        if (values.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("too many arguments for a manager call: " + values.length);
        }
        out.writeByte(values.length);
        for (Object value : values) {
            out.writeValue(value);
        }
        return out;
    }
}
