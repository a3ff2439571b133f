package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.SerializationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Object bytes for crossing a process boundary: Python's pickling, with Java serialization.
 * Reading always goes through {@link SerialFilter}.
 */
public final class Serialization {

    private static final String REFUSED = "refused by mp4j's deserialization filter";

    private Serialization() {
    }

    /** Serializes {@code value}; {@code what} names it in the error ("the target of Process-1"). */
    public static byte[] toBytes(Object value, String what) {
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
    public static Object fromBytes(byte[] bytes) throws IOException, ClassNotFoundException {
        return read(new ByteArrayInputStream(bytes));
    }

    /** Reads one object from {@code in}, leaving the stream open; a refused class is named in the error. */
    static Object read(InputStream in) throws IOException, ClassNotFoundException {
        String[] refused = new String[1];
        ObjectInputFilter naming = info -> {
            ObjectInputFilter.Status status = SerialFilter.INSTANCE.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED && refused[0] == null) {
                refused[0] = info.serialClass() != null ? info.serialClass().getName() : "a stream over the filter's limits";
            }
            return status;
        };
        ObjectInputStream objects = new ContextObjectInputStream(in);
        objects.setObjectInputFilter(naming);
        try {
            return objects.readObject();
        } catch (InvalidClassException e) {
            if (refused[0] != null) {
                throw refusal(refused[0]);
            }
            throw e;
        }
    }

    /** The error for a class the filter refuses, named as a refusal from an object stream would be. */
    public static InvalidClassException refusal(String className) {
        return new InvalidClassException(className, REFUSED + " (allow it with -D" + SerialFilter.ALLOW_PROPERTY + "=pattern)");
    }

    /** Whether {@code e} is the filter refusing a class (its message then names the class). */
    public static boolean isRefusal(Exception e) {
        return e instanceof InvalidClassException && e.getMessage() != null && e.getMessage().contains(REFUSED);
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
