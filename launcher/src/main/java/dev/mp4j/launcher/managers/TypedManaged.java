package dev.mp4j.launcher.managers;

import java.util.HashMap;
import java.util.Map;

/** A built-in managed object: the method name that arrives is looked up among its type's operations. */
abstract class TypedManaged<O extends Enum<O> & Operation> implements Managed {

    private static final ClassValue<Map<String, Enum<?>>> byWireName = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> names = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                names.put(((Operation) constant).wireName(), (Enum<?>) constant);
            }
            return names;
        }
    };

    private final Class<O> operations;

    TypedManaged(Class<O> operations) {
        this.operations = operations;
    }

    /** The type's name in error messages, as CPython spells it ({@code 'dict'}, {@code 'Lock'}). */
    abstract String typeName();

    abstract Object run(Owner owner, O op, Object[] args) throws Exception;

    @Override
    public final Object call(Owner owner, String method, Object[] args) throws Exception {
        Enum<?> op = byWireName.get(operations).get(method);
        if (op == null) {
            throw new UnsupportedOperationException("'" + typeName() + "' has no method '" + method + "' on the manager");
        }
        return run(owner, operations.cast(op), args);
    }
}
