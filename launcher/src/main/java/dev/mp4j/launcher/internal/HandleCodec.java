package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.SerializationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.io.UncheckedIOException;

/**
 * The bytes of a {@link Handle}: its kind, then its fields. Which kind a byte names, and how each is
 * rebuilt, is said by one table per package whose constructors it calls (they are private there): the
 * launcher's queues, locks and shared values, and from {@link #FIRST_PROXY_KIND} on a manager's proxies.
 * A table installs itself here when first needed.
 */
public final class HandleCodec {

    /** Rebuilds the handle of one kind from its fields. */
    @FunctionalInterface
    public interface Readers {
        Object read(byte kind, DataInput in) throws IOException;
    }

    /** The first kind of the managers package's table; the kinds below it are the launcher package's. */
    public static final byte FIRST_PROXY_KIND = 64;

    private static final byte ABSENT = 0;
    private static final String LAUNCHER_TABLE = "dev.mp4j.launcher.HandleKinds";
    private static final String PROXY_TABLE = "dev.mp4j.launcher.managers.ProxyKinds";
    private static volatile Readers launcherKinds;
    private static volatile Readers proxyKinds;

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
        if (kind == ABSENT) {
            return null;
        }
        return kind < FIRST_PROXY_KIND ? launcherKinds().read(kind, in) : proxyKinds().read(kind, in);
    }

    /** A nested handle field of type {@code type} (or null), as {@link #writeOptional} wrote it. */
    public static <T> T readField(DataInput in, Class<T> type) throws IOException {
        Object handle = read(in);
        if (handle != null && !type.isInstance(handle)) {
            throw new StreamCorruptedException("expected a " + type.getSimpleName() + ", read a " + handle.getClass().getSimpleName());
        }
        return type.cast(handle);
    }

    /** Called once, by the launcher package's table as it initializes. */
    public static void installLauncherKinds(Readers table) {
        launcherKinds = table;
    }

    /** Called once, by the managers package's table as it initializes. */
    public static void installProxyKinds(Readers table) {
        proxyKinds = table;
    }

    private static Readers launcherKinds() {
        if (launcherKinds == null) {
            initialize(LAUNCHER_TABLE);
        }
        return launcherKinds;
    }

    private static Readers proxyKinds() {
        if (proxyKinds == null) {
            initialize(PROXY_TABLE);
        }
        return proxyKinds;
    }

    /** Runs the initializer of {@code table}, which installs it. */
    private static void initialize(String table) {
        try {
            Class.forName(table, true, HandleCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a table of handle kinds is missing: " + table, e);
        }
    }
}
