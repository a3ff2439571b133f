package dev.mp4j.launcher.managers;

import java.util.LinkedHashMap;
import java.util.Map;

/** A manager's dict, behind {@link DictProxy}; also the table of published names every server starts with. */
final class ManagedDict extends TypedManaged<ManagedDict.Op> {

    enum Op implements Operation {
        GET, GET_OR_DEFAULT, PUT, PUT_IF_ABSENT, REMOVE,
        CONTAINS_KEY, CONTAINS_VALUE, SIZE, CLEAR,
        PUT_ALL, SNAPSHOT
    }

    private final Map<Object, Object> map = new LinkedHashMap<>();

    ManagedDict() {
        super(Op.class);
    }

    @Override
    String typeName() {
        return "dict";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) {
        return switch (op) {
            case GET -> map.get(a[0]);
            case GET_OR_DEFAULT -> map.getOrDefault(a[0], a[1]);
            case PUT -> map.put(a[0], a[1]);
            case PUT_IF_ABSENT -> map.putIfAbsent(a[0], a[1]);
            case REMOVE -> map.remove(a[0]);
            case CONTAINS_KEY -> map.containsKey(a[0]);
            case CONTAINS_VALUE -> map.containsValue(a[0]);
            case SIZE -> map.size();
            case CLEAR -> {
                map.clear();
                yield null;
            }
            case PUT_ALL -> {
                map.putAll((Map<?, ?>) a[0]);
                yield null;
            }
            case SNAPSHOT -> new LinkedHashMap<>(map);
        };
    }
}
