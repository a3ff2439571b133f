package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.SerialFilter;
import dev.mp4j.launcher.internal.SerializedForm;
import dev.mp4j.launcher.internal.Serialization;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What every instance of one serializable lambda class has in common (its {@link SerializedLambda} minus
 * the captured values): taken apart once per class in the parent, sent once to each worker, and put back
 * together there with each task's captured values. This is what an object stream does for a lambda, minus
 * the stream: a fresh {@code ObjectInputStream} per task costs tens of microseconds in a young JVM, and
 * milliseconds the first time.
 *
 * <p>The worker rebuilds an instance through the capturing class's own {@code $deserializeLambda$}, as
 * {@code SerializedLambda.readResolve} does, so it gets the very lambda a stream would give (and only a
 * lambda that class declared).
 */
final class LambdaShape {

    /** Per lambda class: its shape, once an instance has shown it. */
    private static final ClassValue<LambdaClass> CLASSES = new ClassValue<>() {
        @Override
        protected LambdaClass computeValue(Class<?> type) {
            return new LambdaClass();
        }
    };

    /** In this JVM, one per lambda class: what a worker caches the shape by. */
    final long id;
    private final String capturingClass;
    private final String functionalInterfaceClass;
    private final String functionalInterfaceMethodName;
    private final String functionalInterfaceMethodSignature;
    private final int implMethodKind;
    private final String implClass;
    private final String implMethodName;
    private final String implMethodSignature;
    private final String instantiatedMethodType;
    private byte[] bytes;         // in the parent, made on first use
    private Class<?> capturing;   // in a worker, resolved on first use
    private Method deserializer;

    private LambdaShape(long id, String capturingClass, String functionalInterfaceClass,
                        String functionalInterfaceMethodName, String functionalInterfaceMethodSignature,
                        int implMethodKind, String implClass, String implMethodName, String implMethodSignature,
                        String instantiatedMethodType) {
        this.id = id;
        this.capturingClass = capturingClass;
        this.functionalInterfaceClass = functionalInterfaceClass;
        this.functionalInterfaceMethodName = functionalInterfaceMethodName;
        this.functionalInterfaceMethodSignature = functionalInterfaceMethodSignature;
        this.implMethodKind = implMethodKind;
        this.implClass = implClass;
        this.implMethodName = implMethodName;
        this.implMethodSignature = implMethodSignature;
        this.instantiatedMethodType = instantiatedMethodType;
    }

    /** A lambda taken apart: its class's shape and this instance's captured values. */
    record Parts(LambdaShape shape, Object[] captured) {
    }

    /** {@code function} taken apart, or null when it is no serializable lambda (it then needs an object stream). */
    static Parts takeApart(Object function) {
        SerializedLambda form = SerializedForm.of(function);
        return form == null ? null : new Parts(CLASSES.get(function.getClass()).shape(form), SerializedForm.captured(form));
    }

    /** A lambda class's shape, made from the first instance's form. */
    private static final class LambdaClass {
        private volatile LambdaShape shape;

        LambdaShape shape(SerializedLambda form) {
            LambdaShape known = shape;
            if (known == null) {
                known = new LambdaShape(DefinitionCache.newId(), form.getCapturingClass(),
                        form.getFunctionalInterfaceClass(), form.getFunctionalInterfaceMethodName(),
                        form.getFunctionalInterfaceMethodSignature(), form.getImplMethodKind(), form.getImplClass(),
                        form.getImplMethodName(), form.getImplMethodSignature(), form.getInstantiatedMethodType());
                shape = known; // two threads may both make one: equal shapes, the worker caches either
            }
            return known;
        }
    }

    /** This shape as a worker reads it. */
    byte[] bytes() {
        if (bytes == null) {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeUTF(capturingClass);
                out.writeUTF(functionalInterfaceClass);
                out.writeUTF(functionalInterfaceMethodName);
                out.writeUTF(functionalInterfaceMethodSignature);
                out.writeByte(implMethodKind);
                out.writeUTF(implClass);
                out.writeUTF(implMethodName);
                out.writeUTF(implMethodSignature);
                out.writeUTF(instantiatedMethodType);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            bytes = buffer.toByteArray();
        }
        return bytes;
    }

    /** In a worker: the shape {@link #bytes()} wrote. */
    static LambdaShape read(DataInputStream in) throws IOException {
        return new LambdaShape(0, in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUnsignedByte(),
                in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
    }

    /** In a worker: the lambda with these captured values, as its capturing class deserializes it. */
    Object rebuild(Object[] captured) throws Exception {
        if (deserializer == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            capturing = Class.forName(capturingClass.replace('/', '.'), false,
                    loader != null ? loader : LambdaShape.class.getClassLoader());
            if (!SerialFilter.allowsImplementation(capturing)) { // as for a lambda in an object stream
                throw Serialization.refusal(capturing.getName());
            }
            Method method = capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            method.setAccessible(true);
            deserializer = method;
        }
        SerializedLambda form = new SerializedLambda(capturing, functionalInterfaceClass,
                functionalInterfaceMethodName, functionalInterfaceMethodSignature, implMethodKind, implClass,
                implMethodName, implMethodSignature, instantiatedMethodType, captured);
        try {
            return deserializer.invoke(null, form);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
