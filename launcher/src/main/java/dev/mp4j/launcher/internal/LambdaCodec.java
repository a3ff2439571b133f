package dev.mp4j.launcher.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries a serializable lambda or method reference to another JVM as what it calls: the class, name,
 * descriptor and kind of its implementation method, and the values it captured. The other side rebuilds
 * it as a {@link LambdaCall}. An object stream would rebuild the lambda itself, through the capturing
 * class's {@code $deserializeLambda$} and the lambda metafactory: in a fresh JVM that costs tens of
 * milliseconds, most of a child's start.
 *
 * <p>The captured values travel as a {@link ValueRun}: numbers, the values {@link ValueCodec} tags and
 * the launcher's queues, locks and other {@link Handle}s without an object stream; any other value sends all of them in one, so references between them survive.
 * What is not such a lambda (a class implementing the interface, a reference to a JDK method, a lambda
 * whose implementation this launcher cannot reach) travels as an object stream and comes back as itself.
 * Either way reading goes through {@link SerialFilter}: the implementation's class must be one it allows.
 */
public final class LambdaCodec {

    private static final byte RECIPE = 1; // an object stream starts with 0xAC

    /** Implementations resolved on the receiving side, by class, name and descriptor. */
    private static final Map<String, Executable> RESOLVED = new ConcurrentHashMap<>();

    private LambdaCodec() {
    }

    /** The bytes of {@code function}; {@code what} names it in the error if it cannot be sent. */
    public static byte[] encode(Object function, String what) {
        SerializedLambda recipe = recipeOf(function);
        if (recipe == null) {
            return Serialization.toBytes(function, what);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(RECIPE);
            out.writeUTF(dotted(recipe.getImplClass()));
            out.writeUTF(recipe.getImplMethodName());
            out.writeUTF(recipe.getImplMethodSignature());
            out.writeByte(recipe.getImplMethodKind());
            writeCaptured(recipe, out, what);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} wrote: a {@link LambdaCall}, or the object an object stream carried. */
    public static Object decode(byte[] bytes) throws IOException, ClassNotFoundException {
        if (bytes.length == 0 || bytes[0] != RECIPE) {
            return Serialization.fromBytes(bytes);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1));
        String implClass = in.readUTF();
        String name = in.readUTF();
        String descriptor = in.readUTF();
        int kind = in.readByte();
        Executable implementation = resolved(implClass, name, descriptor, kind);
        boolean hasReceiver = kind != MethodHandleInfo.REF_invokeStatic && kind != MethodHandleInfo.REF_newInvokeSpecial;
        return new LambdaCall(implementation, hasReceiver, readCaptured(in));
    }

    private static void writeCaptured(SerializedLambda recipe, DataOutputStream out, String what) throws IOException {
        Blocks.write(out, ValueRun.encode(SerializedForm.captured(recipe), what));
    }

    private static Object[] readCaptured(DataInputStream in) throws IOException {
        byte[] run = Blocks.read(in);
        return ValueRun.decode(run, 0, run.length);
    }

    /**
     * The lambda's serialized form, or null when it must travel as an object stream: when it is no
     * lambda, or its implementation is not in a class the filter allows (the JDK's) or not reachable by
     * reflection here, hence in a child, which runs the same class path with the same flags.
     */
    private static SerializedLambda recipeOf(Object function) {
        SerializedLambda recipe = SerializedForm.of(function);
        if (recipe == null) {
            return null;
        }
        try {
            resolved(dotted(recipe.getImplClass()), recipe.getImplMethodName(), recipe.getImplMethodSignature(),
                    recipe.getImplMethodKind());
            return recipe;
        } catch (ReflectiveOperationException | IOException | RuntimeException cannotCarry) {
            return null;
        }
    }

    private static Executable resolved(String implClass, String name, String descriptor, int kind)
            throws ClassNotFoundException, IOException {
        // no + here: a child decodes before anything has linked string concatenation
        String key = new StringBuilder(implClass).append('.').append(name).append(descriptor).toString();
        Executable known = RESOLVED.get(key);
        if (known != null) {
            return known;
        }
        Executable found = resolve(implClass, name, descriptor, kind);
        RESOLVED.putIfAbsent(key, found);
        return found;
    }

    private static Executable resolve(String implClass, String name, String descriptor, int kind)
            throws ClassNotFoundException, IOException {
        ClassLoader loader = loader();
        Class<?> owner = Class.forName(implClass, false, loader);
        if (!SerialFilter.allowsImplementation(owner)) {
            throw Serialization.refusal(implClass);
        }
        Class<?>[] parameters = MethodType.fromMethodDescriptorString(descriptor, loader).parameterArray();
        try {
            Executable found = kind == MethodHandleInfo.REF_newInvokeSpecial
                    ? owner.getDeclaredConstructor(parameters)
                    : declaredOrInherited(owner, name, parameters);
            if (!found.trySetAccessible()) {
                throw new IOException("cannot reach " + found + " from the launcher (open its package to dev.mp4j.launcher)");
            }
            return found;
        } catch (NoSuchMethodException e) {
            throw new IOException("no method " + name + descriptor + " in " + implClass + " (is the class path the same?)", e);
        }
    }

    private static Method declaredOrInherited(Class<?> owner, String name, Class<?>[] parameters) throws NoSuchMethodException {
        for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
            try {
                return type.getDeclaredMethod(name, parameters);
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        return owner.getMethod(name, parameters); // a default method of an interface
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : LambdaCodec.class.getClassLoader();
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
