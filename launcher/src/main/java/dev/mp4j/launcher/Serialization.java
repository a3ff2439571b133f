package dev.mp4j.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Object bytes for crossing a process boundary: Python's pickling, with Java serialization.
 * Reading always goes through {@link SerialFilter}.
 */
final class Serialization {

    private Serialization() {
    }

    /** Serializes {@code value}; {@code what} names it in the error ("the target of Process-1"). */
    static byte[] toBytes(Object value, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new SerializationException("cannot send " + what + " to another process: "
                    + e.getMessage() + " is not serializable (make it Serializable, or capture only serializable values)", e);
        } catch (IOException e) {
            throw new SerializationException("cannot send " + what + " to another process: " + e, e);
        }
        return bytes.toByteArray();
    }

    /** Reads an object written by {@link #toBytes}, through the deserialization filter. */
    static Object fromBytes(byte[] bytes) throws IOException, ClassNotFoundException {
        return read(new ByteArrayInputStream(bytes));
    }

    /** Reads one object from {@code in}, leaving the stream open. */
    static Object read(InputStream in) throws IOException, ClassNotFoundException {
        try {
            ObjectInputStream objects = new ContextObjectInputStream(in);
            objects.setObjectInputFilter(SerialFilter.INSTANCE);
            return objects.readObject();
        } catch (InvalidClassException e) {
            if (e.getMessage() != null && e.getMessage().contains("REJECTED")) {
                throw new InvalidClassException(e.classname, "refused by mp4j's deserialization filter: " + e.classname
                        + " (allow it with -D" + SerialFilter.ALLOW_PROPERTY + "=pattern)");
            }
            throw e;
        }
    }

    /** Resolves classes through the context loader first, so IDE and test class paths both work. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException ignored) {
                    // fall back to the default resolution (primitives, platform classes)
                }
            }
            return super.resolveClass(desc);
        }
    }
}
