package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.SerializationException;
import dev.mp4j.launcher.internal.Serialization;
import dev.mp4j.launcher.internal.ValueCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bytes of a run of values: a map chunk's items and results, a lambda's captured values. All
 * {@code Integer} (all {@code Long}, all {@code Double}) go as one primitive array, a bulk copy; values of
 * the types {@link ValueCodec} tags (null, strings, booleans, byte arrays, mixed numbers) one by one with
 * their tag; anything else as one object stream of the whole array, so objects shared between values
 * stay shared. Both ends are on one machine: numbers are in its byte order.
 */
final class PoolValues {

    private static final byte INTS = 1;
    private static final byte LONGS = 2;
    private static final byte DOUBLES = 3;
    private static final byte TAGGED = 4;
    private static final byte OBJECTS = 5;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private PoolValues() {
    }

    static byte[] encode(Object[] values, String what) {
        return encode(values, 0, values.length, what);
    }

    /** The bytes of {@code values[from..to)}; {@code what} names them if one cannot be serialized. */
    static byte[] encode(Object[] values, int from, int to, String what) {
        int count = to - from;
        Class<?> common = count == 0 || values[from] == null ? null : values[from].getClass();
        boolean tagged = true;
        for (int i = from; i < to; i++) {
            Object value = values[i];
            if (common != null && (value == null || value.getClass() != common)) {
                common = null;
            }
            tagged &= isTagged(value);
        }
        if (common == Integer.class) {
            int[] ints = new int[count];
            for (int i = 0; i < count; i++) {
                ints[i] = (Integer) values[from + i];
            }
            ByteBuffer out = start(INTS, count, Integer.BYTES);
            out.asIntBuffer().put(ints); // one bulk copy: item by item is slow in a young JVM
            return out.array();
        }
        if (common == Long.class) {
            long[] longs = new long[count];
            for (int i = 0; i < count; i++) {
                longs[i] = (Long) values[from + i];
            }
            ByteBuffer out = start(LONGS, count, Long.BYTES);
            out.asLongBuffer().put(longs);
            return out.array();
        }
        if (common == Double.class) {
            double[] doubles = new double[count];
            for (int i = 0; i < count; i++) {
                doubles[i] = (Double) values[from + i];
            }
            ByteBuffer out = start(DOUBLES, count, Double.BYTES);
            out.asDoubleBuffer().put(doubles);
            return out.array();
        }
        if (tagged) {
            byte[][] encoded = new byte[count][];
            int size = 0;
            for (int i = 0; i < count; i++) {
                encoded[i] = ValueCodec.encode(values[from + i], what);
                size += Integer.BYTES + encoded[i].length;
            }
            ByteBuffer out = start(TAGGED, count, 0, size);
            for (byte[] value : encoded) {
                out.putInt(value.length).put(value);
            }
            return out.array();
        }
        byte[] stream = Serialization.toBytes(from == 0 && to == values.length ? values
                : Arrays.copyOfRange(values, from, to), what);
        byte[] bytes = new byte[stream.length + 1];
        bytes[0] = OBJECTS;
        System.arraycopy(stream, 0, bytes, 1, stream.length);
        return bytes;
    }

    /** The values {@link #encode} wrote into {@code bytes[offset..offset+length)}. */
    static Object[] decode(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length).order(ORDER);
        byte form = in.get();
        if (form == OBJECTS) {
            try {
                return (Object[]) Serialization.fromBytes(Arrays.copyOfRange(bytes, offset + 1, offset + length));
            } catch (IOException | ClassNotFoundException e) {
                throw new SerializationException(Serialization.isRefusal(e) ? e.getMessage() : "cannot read values: " + e, e);
            }
        }
        Object[] values = new Object[in.getInt()];
        switch (form) {
            case INTS -> {
                int[] ints = new int[values.length];
                in.asIntBuffer().get(ints);
                for (int i = 0; i < ints.length; i++) {
                    values[i] = ints[i];
                }
            }
            case LONGS -> {
                long[] longs = new long[values.length];
                in.asLongBuffer().get(longs);
                for (int i = 0; i < longs.length; i++) {
                    values[i] = longs[i];
                }
            }
            case DOUBLES -> {
                double[] doubles = new double[values.length];
                in.asDoubleBuffer().get(doubles);
                for (int i = 0; i < doubles.length; i++) {
                    values[i] = doubles[i];
                }
            }
            case TAGGED -> {
                for (int i = 0; i < values.length; i++) {
                    int size = in.getInt();
                    values[i] = ValueCodec.decode(bytes, in.position(), size);
                    in.position(in.position() + size);
                }
            }
            default -> throw new IllegalStateException("not a run of values: form " + form);
        }
        return values;
    }

    /** Whether {@link ValueCodec} gives {@code value} a tag of its own (no object stream). */
    static boolean isTagged(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof byte[];
    }

    private static ByteBuffer start(byte form, int count, int width) {
        return start(form, count, width, 0);
    }

    private static ByteBuffer start(byte form, int count, int width, int extra) {
        return ByteBuffer.allocate(1 + Integer.BYTES + count * width + extra).order(ORDER).put(form).putInt(count);
    }
}
