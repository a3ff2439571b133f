package dev.mp4j.launcher.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;

/**
 * A lambda or method reference rebuilt in another JVM by {@link LambdaCodec}: its implementation
 * method, resolved by reflection, and the values it captured. Calling it calls that method with the
 * captured values first (the receiver among them, for an instance method) and then the functional
 * method's own arguments, as the lambda would have. Nothing is spun: no lambda class, no method-handle
 * chain, which in a cold JVM cost more than the call itself.
 */
public final class LambdaCall {

    private final Executable implementation;
    private final boolean hasReceiver;
    private final Object[] captured;

    LambdaCall(Executable implementation, boolean hasReceiver, Object[] captured) {
        this.implementation = implementation;
        this.hasReceiver = hasReceiver;
        this.captured = captured;
    }

    /** Calls the implementation with the captured values, then {@code args}; its exception is thrown as is. */
    public Object invoke(Object... args) throws Exception {
        Object receiver = hasReceiver ? captured[0] : null;
        int from = hasReceiver ? 1 : 0;
        Object[] all = Arrays.copyOfRange(captured, from, captured.length + args.length);
        System.arraycopy(args, 0, all, captured.length - from, args.length);
        try {
            return implementation instanceof Method method
                    ? method.invoke(receiver, all)
                    : ((Constructor<?>) implementation).newInstance(all);
        } catch (InvocationTargetException thrown) {
            throw rethrown(thrown.getCause());
        }
    }

    /** The functional method of a {@code Target}: no arguments, no result. */
    public void run() throws Exception {
        invoke();
    }

    private static Exception rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception exception ? exception : new UndeclaredThrowableException(cause);
    }

    @Override
    public String toString() {
        return "call of " + implementation;
    }
}
