package dev.mp4j.launcher.managers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** A manager's Namespace: named attributes, behind {@link NamespaceProxy}. */
final class ManagedNamespace extends TypedManaged<ManagedNamespace.Op> {

    enum Op implements Operation {
        GET, SET, REMOVE, SNAPSHOT
    }

    private final Map<String, Object> attributes = new LinkedHashMap<>();

    ManagedNamespace() {
        super(Op.class);
    }

    @Override
    String typeName() {
        return "Namespace";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) {
        return switch (op) {
            case GET -> {
                requirePresent((String) a[0]);
                yield attributes.get((String) a[0]);
            }
            case SET -> attributes.put((String) a[0], a[1]);
            case REMOVE -> {
                requirePresent((String) a[0]);
                yield attributes.remove((String) a[0]);
            }
            case SNAPSHOT -> new LinkedHashMap<>(attributes);
        };
    }

    private void requirePresent(String name) {
        if (!attributes.containsKey(name)) {
            throw new NoSuchElementException("'Namespace' object has no attribute '" + name + "'");
        }
    }
}
