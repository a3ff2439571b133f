package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.SerializationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bytes of a run of values: a map chunk's items and results, a lambda's captured values. All
 * {@code Integer} (all {@code Long}, all {@code Double}) go as one primitive array, a bulk copy; values of
 * the types {@link ValueCodec} tags (null, strings, booleans, byte, int, long and double arrays, mixed numbers, the launcher's
 * {@link Handle}s) one by one with their tag; anything else as one object stream of the whole array, so
 * objects shared between values stay shared. A handle or an array that recurs in a run is written once
 * and the other places name its first, so it arrives as one object too. A few numbers are written byte by byte, many in one bulk copy.
 */
public final class ValueRun {

    private static final byte INTS = 1;
    private static final byte LONGS = 2;
    private static final byte DOUBLES = 3;
    private static final byte TAGGED = 4;
    private static final byte OBJECTS = 5;
    private static final int HEADER = 1 + Integer.BYTES; // form, count
    private static final int BULK = 64;                  // from this many numbers on, one bulk copy

    private ValueRun() {
    }

    public static byte[] encode(Object[] values, String what) {
        return encode(values, 0, values.length, what);
    }

    /** The bytes of {@code values[from..to)}; {@code what} names them if one cannot be serialized. */
    public static byte[] encode(Object[] values, int from, int to, String what) {
        int count = to - from;
        Class<?> common = count == 0 || values[from] == null ? null : values[from].getClass();
        for (int i = from + 1; i < to && common != null; i++) {
            if (values[i] == null || values[i].getClass() != common) {
                common = null;
            }
        }
        if (common == Integer.class) {
            byte[] out = start(INTS, count, Integer.BYTES);
            if (count < BULK) {
                for (int i = 0; i < count; i++) {
                    ByteCursor.putInt(out, HEADER + i * Integer.BYTES, (Integer) values[from + i]);
                }
            } else {
                int[] ints = new int[count];
                for (int i = 0; i < count; i++) {
                    ints[i] = (Integer) values[from + i];
                }
                ByteBuffer.wrap(out, HEADER, count * Integer.BYTES).asIntBuffer().put(ints); // one bulk copy
            }
            return out;
        }
        if (common == Long.class || common == Double.class) {
            boolean isLong = common == Long.class;
            byte[] out = start(isLong ? LONGS : DOUBLES, count, Long.BYTES);
            if (count < BULK) {
                for (int i = 0; i < count; i++) {
                    long bits = isLong ? (Long) values[from + i] : Double.doubleToRawLongBits((Double) values[from + i]);
                    ByteCursor.putInt(out, HEADER + i * Long.BYTES, (int) (bits >>> 32));
                    ByteCursor.putInt(out, HEADER + i * Long.BYTES + 4, (int) bits);
                }
            } else if (isLong) {
                long[] longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = (Long) values[from + i];
                }
                ByteBuffer.wrap(out, HEADER, count * Long.BYTES).asLongBuffer().put(longs);
            } else {
                double[] doubles = new double[count];
                for (int i = 0; i < count; i++) {
                    doubles[i] = (Double) values[from + i];
                }
                ByteBuffer.wrap(out, HEADER, count * Long.BYTES).asDoubleBuffer().put(doubles);
            }
            return out;
        }
        if (allTagged(values, from, to)) {
            byte[][] encoded = new byte[count][];
            int[] firstPlace = new int[count];
            Map<Object, Integer> firstPlaces = null; // by identity, made at the first handle or array
            int size = 0;
            for (int i = 0; i < count; i++) {
                Object value = values[from + i];
                Integer first = null;
                if (sharesIdentity(value)) {
                    firstPlaces = firstPlaces == null ? new IdentityHashMap<>() : firstPlaces;
                    first = firstPlaces.putIfAbsent(value, i);
                }
                firstPlace[i] = first == null ? -1 : first;
                encoded[i] = first == null ? ValueCodec.encode(value, what) : null;
                size += Integer.BYTES + (encoded[i] == null ? 0 : encoded[i].length);
            }
            ByteCursor out = new ByteCursor(start(TAGGED, count, 0, size), HEADER);
            for (int i = 0; i < count; i++) {
                if (encoded[i] == null) {
                    out.putInt(-1 - firstPlace[i]); // the same object as there
                } else {
                    out.putInt(encoded[i].length).put(encoded[i]);
                }
            }
            return out.written();
        }
        byte[] stream = Serialization.toBytes(from == 0 && to == values.length ? values
                : Arrays.copyOfRange(values, from, to), what);
        byte[] bytes = new byte[stream.length + 1];
        bytes[0] = OBJECTS;
        System.arraycopy(stream, 0, bytes, 1, stream.length);
        return bytes;
    }

    /** The values {@link #encode} wrote into {@code bytes[offset..offset+length)}. */
    public static Object[] decode(byte[] bytes, int offset, int length) {
        byte form = bytes[offset];
        if (form == OBJECTS) {
            try {
                return (Object[]) Serialization.fromBytes(Arrays.copyOfRange(bytes, offset + 1, offset + length));
            } catch (IOException | ClassNotFoundException e) {
                throw new SerializationException(Serialization.isRefusal(e) ? e.getMessage() : "cannot read values: " + e, e);
            }
        }
        int count = ByteCursor.getInt(bytes, offset + 1);
        int at = offset + HEADER;
        Object[] values = new Object[count];
        switch (form) {
            case INTS -> {
                if (count < BULK) {
                    for (int i = 0; i < count; i++) {
                        values[i] = ByteCursor.getInt(bytes, at + i * Integer.BYTES);
                    }
                } else {
                    int[] ints = new int[count];
                    ByteBuffer.wrap(bytes, at, count * Integer.BYTES).asIntBuffer().get(ints);
                    for (int i = 0; i < count; i++) {
                        values[i] = ints[i];
                    }
                }
            }
            case LONGS, DOUBLES -> {
                long[] longs = new long[count];
                if (count < BULK) {
                    for (int i = 0; i < count; i++) {
                        longs[i] = (long) ByteCursor.getInt(bytes, at + i * Long.BYTES) << 32
                                | ByteCursor.getInt(bytes, at + i * Long.BYTES + 4) & 0xFFFF_FFFFL;
                    }
                } else {
                    ByteBuffer.wrap(bytes, at, count * Long.BYTES).asLongBuffer().get(longs);
                }
                for (int i = 0; i < count; i++) {
                    values[i] = form == LONGS ? (Object) longs[i] : (Object) Double.longBitsToDouble(longs[i]);
                }
            }
            case TAGGED -> {
                for (int i = 0; i < count; i++) {
                    int size = ByteCursor.getInt(bytes, at);
                    if (size < 0) {
                        values[i] = values[-1 - size];
                        at += Integer.BYTES;
                        continue;
                    }
                    values[i] = ValueCodec.decode(bytes, at + Integer.BYTES, size);
                    at += Integer.BYTES + size;
                }
            }
            default -> throw new IllegalStateException("not a run of values: form " + form);
        }
        return values;
    }

    /** A handle or an array: a value whose identity a receiver can see, unlike a string's or a boxed number's. */
    private static boolean sharesIdentity(Object value) {
        return value instanceof Handle || value != null && value.getClass().isArray();
    }

    private static boolean allTagged(Object[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!ValueCodec.tags(values[i])) {
                return false;
            }
        }
        return true;
    }

    private static byte[] start(byte form, int count, int width) {
        return start(form, count, width, 0);
    }

    /** An array for {@code count} values of {@code width} bytes and {@code extra} more, its header written. */
    private static byte[] start(byte form, int count, int width, int extra) {
        byte[] bytes = new byte[HEADER + count * width + extra];
        bytes[0] = form;
        ByteCursor.putInt(bytes, 1, count);
        return bytes;
    }
}
