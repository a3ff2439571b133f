package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.TypeCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;

/** A manager's Array: a fixed number of items of one Python typecode, behind {@link ArrayProxy}. */
final class ManagedArray extends TypedManaged<ManagedArray.Op> {

    enum Op implements Operation {
        GET, SET, SIZE, SNAPSHOT
    }

    private final char typecode;
    private final TypeCode type;
    private final Object[] items;

    ManagedArray(char typecode, Collection<?> values) {
        super(Op.class);
        this.typecode = typecode;
        this.type = TypeCode.of(typecode);
        this.items = values.stream().map(v -> type.coerce(v)).toArray();
    }

    @Override
    String typeName() {
        return "Array";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) {
        return switch (op) {
            case GET -> items[index(a[0])];
            case SET -> {
                int i = index(a[0]);
                Object old = items[i];
                items[i] = type.coerce(a[1]);
                yield old;
            }
            case SIZE -> items.length;
            case SNAPSHOT -> new ArrayList<>(Arrays.asList(items));
        };
    }

    private int index(Object i) {
        int index = (Integer) i;
        if (index < 0 || index >= items.length) {
            throw new IndexOutOfBoundsException("array index out of range: " + index + " (length " + items.length + ")");
        }
        return index;
    }
}
