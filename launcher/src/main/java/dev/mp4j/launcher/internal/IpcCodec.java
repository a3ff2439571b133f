package dev.mp4j.launcher.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How queue items and pipe messages become bytes. The commonest values (strings, boxed primitives,
 * byte arrays, null) get a one-byte tag and their raw bytes, as pickle has opcodes for them: an
 * {@code ObjectOutputStream} costs microseconds per message just to start. Everything else uses Java
 * serialization, whose stream always starts with 0xAC, a byte no tag uses; reading it goes through
 * the deserialization filter.
 */
public final class IpcCodec {

    private static final byte NULL = 1;
    private static final byte STRING = 2;
    private static final byte INTEGER = 3;
    private static final byte LONG = 4;
    private static final byte DOUBLE = 5;
    private static final byte BOOLEAN = 6;
    private static final byte BYTES = 7;

    private IpcCodec() {
    }

    /** The bytes of {@code value}; {@code use} says where it goes, for the error if it cannot go. */
    public static byte[] encode(Object value, String use) {
        if (value == null) {
            return new byte[] {NULL};
        }
        if (value instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[utf8.length + 1];
            bytes[0] = STRING;
            System.arraycopy(utf8, 0, bytes, 1, utf8.length);
            return bytes;
        }
        if (value instanceof Integer number) {
            return ByteBuffer.allocate(5).put(INTEGER).putInt(number).array();
        }
        if (value instanceof Long number) {
            return ByteBuffer.allocate(9).put(LONG).putLong(number).array();
        }
        if (value instanceof Double number) {
            return ByteBuffer.allocate(9).put(DOUBLE).putDouble(number).array();
        }
        if (value instanceof Boolean truth) {
            return new byte[] {BOOLEAN, (byte) (truth ? 1 : 0)};
        }
        if (value instanceof byte[] raw) {
            byte[] bytes = new byte[raw.length + 1];
            bytes[0] = BYTES;
            System.arraycopy(raw, 0, bytes, 1, raw.length);
            return bytes;
        }
        return Serialization.toBytes(value, "a " + value.getClass().getName() + " " + use);
    }

    public static Object decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        return switch (bytes[0]) {
            case NULL -> null;
            case STRING -> new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
            case INTEGER -> in.getInt();
            case LONG -> in.getLong();
            case DOUBLE -> in.getDouble();
            case BOOLEAN -> bytes[1] != 0;
            case BYTES -> Arrays.copyOfRange(bytes, 1, bytes.length);
            default -> {
                try {
                    yield Serialization.fromBytes(bytes);
                } catch (IOException | ClassNotFoundException e) {
                    throw new UncheckedIOException(new IOException("cannot read a received object: " + e.getMessage(), e));
                }
            }
        };
    }
}
