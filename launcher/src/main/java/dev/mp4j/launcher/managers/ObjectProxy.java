package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * A proxy for an instance of a type registered with a {@link Manager} (CPython's {@code BaseProxy} with
 * {@code _callmethod}): {@code counter.call("increment", 5)} runs the public method on the server. An
 * exception thrown there is re-thrown here. {@link #as(Class)} gives a typed view through an interface the
 * class implements. The ObjectProxy itself is serializable and can be sent to other processes; a typed
 * view is a JDK dynamic proxy, which the deserialization filter refuses, so send the ObjectProxy and call
 * {@code as} on the other side.
 */
public final class ObjectProxy implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;
    private final String typeid;

    ObjectProxy(ProxyRef ref, String typeid) {
        this.ref = ref;
        this.typeid = typeid;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.OBJECT, out);
        out.writeUTF(typeid);
    }

    static ObjectProxy readHandle(DataInput in) throws IOException {
        return new ObjectProxy(ProxyRef.read(in), in.readUTF());
    }

    /** Calls {@code method} on the server's instance with {@code args}. */
    public Object call(String method, Object... args) {
        return ref.callMethod(method, args);
    }

    public String typeid() {
        return typeid;
    }

    /** A typed view: each interface method becomes a call of the same name. */
    public <T> T as(Class<T> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface");
        }
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Handler(this)));
    }

    @Override
    public String toString() {
        return String.valueOf(call("toString"));
    }

    private record Handler(ObjectProxy proxy) implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            Object[] actual = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == actual[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> proxy.toString();
                };
            }
            try {
                return proxy.call(method.getName(), actual);
            } catch (RemoteError e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception && Arrays.stream(method.getExceptionTypes()).anyMatch(t -> t.isInstance(cause))) {
                    throw cause; // a checked exception the interface declares
                }
                throw e;
            }
        }
    }
}
