package dev.mp4j.launcher.internal;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * A serializable lambda's description of itself, the {@link SerializedLambda} its {@code writeReplace}
 * hands an object stream, read without the stream: how {@link LambdaCodec} and a pool's lambda shapes
 * take a lambda apart.
 */
public final class SerializedForm {

    /** Each lambda class's {@code writeReplace}, or null for a class that is no serializable lambda. */
    private static final ClassValue<Method> WRITERS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return writer(type);
        }
    };

    private SerializedForm() {
    }

    /** The form of {@code function}, or null when it is no serializable lambda this launcher can reach. */
    public static SerializedLambda of(Object function) {
        Method writer = function == null ? null : WRITERS.get(function.getClass());
        if (writer == null) {
            return null;
        }
        try {
            return writer.invoke(function) instanceof SerializedLambda form ? form : null;
        } catch (ReflectiveOperationException | RuntimeException unreachable) {
            return null; // an object stream will say what is wrong
        }
    }

    /** The values {@code form}'s lambda captured, in order. */
    public static Object[] captured(SerializedLambda form) {
        Object[] captured = new Object[form.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = form.getCapturedArg(i);
        }
        return captured;
    }

    private static Method writer(Class<?> type) {
        if (!type.isHidden() || !type.isSynthetic() || !Serializable.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            Method writer = type.getDeclaredMethod("writeReplace");
            return writer.getReturnType() == Object.class && writer.trySetAccessible() ? writer : null;
        } catch (NoSuchMethodException notSerializable) {
            return null;
        }
    }
}
