package dev.mp4j.launcher.managers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registered type's instance, reached by reflection: only public methods (and only the exposed
 * ones when a list was given) can be called; Object's own methods other than toString cannot.
 */
final class ManagedInstance implements Managed {

    private final Object target;
    private final String typeid;
    private final Set<String> exposed;
    private final Map<String, List<Method>> cache = new ConcurrentHashMap<>();

    ManagedInstance(String typeid, Object target, Set<String> exposed) {
        this.typeid = typeid;
        this.target = target;
        this.exposed = exposed;
    }

    @Override
    public Object call(Owner owner, String method, Object[] args) throws Exception {
        Method chosen = resolve(method, args);
        try {
            return chosen.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    private Method resolve(String name, Object[] args) {
        if (exposed != null && !exposed.contains(name)) {
            throw new UnsupportedOperationException("method '" + name + "' of " + typeid
                    + " is not exposed (exposed: " + exposed + ")");
        }
        List<Method> candidates = cache.computeIfAbsent(name, this::publicMethods);
        if (candidates.isEmpty()) {
            boolean exists = false;
            for (Class<?> c = target.getClass(); c != null && !exists; c = c.getSuperclass()) {
                exists = Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name));
            }
            throw new UnsupportedOperationException(exists
                    ? "method '" + name + "' of " + typeid + " is not public: only public methods are exposed"
                    : typeid + " has no method '" + name + "'");
        }
        for (Method m : candidates) {
            if (accepts(m, args)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no public method " + typeid + "." + name + " takes " + describeArgs(args));
    }

    private List<Method> publicMethods(String name) {
        List<Method> found = new ArrayList<>();
        for (Method m : target.getClass().getMethods()) {
            boolean fromObject = m.getDeclaringClass() == Object.class && !name.equals("toString");
            if (m.getName().equals(name) && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && !fromObject) {
                m.setAccessible(true); // a public method of a non-public class
                found.add(m);
            }
        }
        return found;
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i].isPrimitive() ? box(types[i]) : types[i];
            if (args[i] == null ? types[i].isPrimitive() : !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static String describeArgs(Object[] args) {
        List<String> types = new ArrayList<>();
        for (Object arg : args) {
            types.add(arg == null ? "null" : arg.getClass().getSimpleName());
        }
        return types.isEmpty() ? "no arguments" : "(" + String.join(", ", types) + ")";
    }
}
