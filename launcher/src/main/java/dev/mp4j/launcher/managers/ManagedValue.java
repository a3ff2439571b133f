package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.TypeCode;

/** A manager's Value: one item of a Python typecode, behind {@link ValueProxy}. */
final class ManagedValue extends TypedManaged<ManagedValue.Op> {

    enum Op implements Operation {
        GET, SET
    }

    private final char typecode;
    private final TypeCode type;
    private Object value;

    ManagedValue(char typecode, Object initial) {
        super(Op.class);
        this.typecode = typecode;
        this.type = TypeCode.of(typecode);
        this.value = type.coerce(initial);
    }

    @Override
    String typeName() {
        return "Value";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) {
        return switch (op) {
            case GET -> value;
            case SET -> {
                value = type.coerce(a[0]);
                yield null;
            }
        };
    }
}
