package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.SerializationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bytes of a {@link Handle}: its kind, then its fields. Which kind a byte names, and how each is
 * rebuilt, is said in one place, a table in the launcher's API package (its constructors are private
 * there); that table installs itself here when first needed.
 */
public final class HandleCodec {

    /** Rebuilds the handle of one kind from its fields. */
    @FunctionalInterface
    public interface Readers {
        Object read(byte kind, DataInput in) throws IOException;
    }

    private static final byte ABSENT = 0;
    private static final String TABLE = "dev.mp4j.launcher.HandleKinds";
    private static volatile Readers readers;

    private HandleCodec() {
    }

    /** Whether {@code value} crosses as its own fields rather than in an object stream. */
    public static boolean writesItself(Object value) {
        return value instanceof Handle handle && handle.writesItself();
    }

    /** Whether a field holding {@code value} (maybe null) can be written by {@link #writeOptional}. */
    public static boolean writesItselfOrAbsent(Object value) {
        return value == null || writesItself(value);
    }

    public static byte[] encode(Handle handle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            handle.writeHandle(out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    public static Object decode(byte[] bytes, int offset, int length) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(bytes, offset, length)));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("cannot rebuild a received handle: " + e, e);
        }
    }

    /** A field that holds a handle or null, written by its owner's {@link Handle#writeHandle}. */
    public static void writeOptional(Object handle, DataOutput out) throws IOException {
        if (handle == null) {
            out.writeByte(ABSENT);
        } else {
            ((Handle) handle).writeHandle(out);
        }
    }

    /** A handle (or null) written by {@link #writeOptional} or {@link Handle#writeHandle}. */
    public static Object read(DataInput in) throws IOException {
        byte kind = in.readByte();
        return kind == ABSENT ? null : readers().read(kind, in);
    }

    /** Called once, by the table of kinds as it initializes. */
    public static void install(Readers table) {
        readers = table;
    }

    private static Readers readers() {
        Readers table = readers;
        if (table == null) {
            try {
                Class.forName(TABLE, true, HandleCodec.class.getClassLoader()); // its initializer calls install
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the launcher's table of handle kinds is missing: " + TABLE, e);
            }
            table = readers;
        }
        return table;
    }
}
