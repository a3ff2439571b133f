package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.SerializationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a value becomes bytes wherever one travels: queue items, messages on a pipe or a socket
 * connection, a manager call's arguments and results. The commonest values (null, strings, boxed
 * int/long/double/boolean, byte arrays) get a one-byte tag and their raw bytes, as pickle has opcodes for
 * them: an {@code ObjectOutputStream} costs microseconds just to start. So do int, long and double
 * arrays: an object stream computes an array class's serialVersionUID with SHA-1, which sets up the
 * JDK's security providers (~40 ms) in a JVM that sends or receives its first one. The launcher's own handles
 * (queues, locks, shared values, pipe ends: {@link Handle}) get a tag too and write their own fields, so
 * a process that receives one needs no object stream at all. Everything else uses Java
 * serialization, whose stream always starts with 0xAC, a byte no tag uses; reading it goes through the
 * deserialization filter, and a refusal names the class.
 */
public final class ValueCodec {

    private static final byte NULL = 1;
    private static final byte STRING = 2;
    private static final byte INTEGER = 3;
    private static final byte LONG = 4;
    private static final byte DOUBLE = 5;
    private static final byte BOOLEAN = 6;
    private static final byte BYTES = 7;
    private static final byte HANDLE = 8;
    private static final byte INTS = 9;
    private static final byte LONGS = 10;
    private static final byte DOUBLES = 11;

    private ValueCodec() {
    }

    /**
     * The bytes of {@code value}; {@code use} says where it goes, for the error if it cannot go. A chain
     * of tests, not a pattern {@code switch}: a type switch has its class generated at its first run,
     * milliseconds of every child that sends or receives a value, and the AOT cache cannot hold it.
     */
    public static byte[] encode(Object value, String use) {
        if (value == null) {
            return new byte[] {NULL};
        } else if (value instanceof String text) {
            return tagged(STRING, text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Integer number) {
            return ByteBuffer.allocate(5).put(INTEGER).putInt(number).array();
        } else if (value instanceof Long number) {
            return ByteBuffer.allocate(9).put(LONG).putLong(number).array();
        } else if (value instanceof Double number) {
            return ByteBuffer.allocate(9).put(DOUBLE).putDouble(number).array();
        } else if (value instanceof Boolean truth) {
            return new byte[] {BOOLEAN, (byte) (truth ? 1 : 0)};
        } else if (value instanceof byte[] raw) {
            return tagged(BYTES, raw);
        } else if (value instanceof int[] numbers) {
            ByteBuffer out = ByteBuffer.allocate(1 + numbers.length * Integer.BYTES).put(INTS);
            out.asIntBuffer().put(numbers);
            return out.array();
        } else if (value instanceof long[] numbers) {
            ByteBuffer out = ByteBuffer.allocate(1 + numbers.length * Long.BYTES).put(LONGS);
            out.asLongBuffer().put(numbers);
            return out.array();
        } else if (value instanceof double[] numbers) {
            ByteBuffer out = ByteBuffer.allocate(1 + numbers.length * Double.BYTES).put(DOUBLES);
            out.asDoubleBuffer().put(numbers);
            return out.array();
        } else if (value instanceof Handle handle && HandleCodec.writesItself(handle)) {
            return tagged(HANDLE, HandleCodec.encode(handle));
        }
        return Serialization.toBytes(value, "a " + value.getClass().getName() + " " + use);
    }

    /** Whether {@code value} gets a tag of its own rather than an object stream. */
    public static boolean tags(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof byte[]
                || value instanceof int[] || value instanceof long[] || value instanceof double[]
                || HandleCodec.writesItself(value);
    }

    /**
     * Whether every value of a field declared as {@code type} gets a tag of its own, as {@link #tags}
     * says of one value (handles aside): primitives travel boxed.
     */
    public static boolean tagsEvery(Class<?> type) {
        return type == String.class || type == int.class || type == Integer.class || type == long.class
                || type == Long.class || type == double.class || type == Double.class || type == boolean.class
                || type == Boolean.class || type == byte[].class || type == int[].class || type == long[].class
                || type == double[].class;
    }

    public static Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes the {@code length} bytes at {@code offset}, one value as {@link #encode} wrote it. */
    public static Object decode(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset + 1, length - 1);
        return switch (bytes[offset]) {
            case NULL -> null;
            case STRING -> new String(bytes, offset + 1, length - 1, StandardCharsets.UTF_8);
            case INTEGER -> in.getInt();
            case LONG -> in.getLong();
            case DOUBLE -> in.getDouble();
            case BOOLEAN -> bytes[offset + 1] != 0;
            case BYTES -> Arrays.copyOfRange(bytes, offset + 1, offset + length);
            case HANDLE -> HandleCodec.decode(bytes, offset + 1, length - 1);
            case INTS -> {
                int[] numbers = new int[(length - 1) / Integer.BYTES];
                in.asIntBuffer().get(numbers);
                yield numbers;
            }
            case LONGS -> {
                long[] numbers = new long[(length - 1) / Long.BYTES];
                in.asLongBuffer().get(numbers);
                yield numbers;
            }
            case DOUBLES -> {
                double[] numbers = new double[(length - 1) / Double.BYTES];
                in.asDoubleBuffer().get(numbers);
                yield numbers;
            }
            default -> deserialize(offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length));
        };
    }

    private static byte[] tagged(byte tag, byte[] payload) {
        byte[] bytes = new byte[payload.length + 1];
        bytes[0] = tag;
        System.arraycopy(payload, 0, bytes, 1, payload.length);
        return bytes;
    }

    private static Object deserialize(byte[] bytes) {
        try {
            return Serialization.fromBytes(bytes);
        } catch (IOException | ClassNotFoundException e) {
            if (Serialization.isRefusal(e)) {
                throw new SerializationException(e.getMessage(), e);
            }
            throw new SerializationException("cannot read a received value: " + e, e);
        }
    }
}
