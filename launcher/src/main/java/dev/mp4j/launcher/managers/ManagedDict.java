package dev.mp4j.launcher.managers;

import java.util.LinkedHashMap;
import java.util.Map;

/** A manager's dict, behind {@link DictProxy}; also the table of published names every server starts with. */
final class ManagedDict extends TypedManaged<ManagedDict.Op> {

    enum Op implements Operation {
        GET("get"), GET_OR_DEFAULT("getOrDefault"), PUT("put"), PUT_IF_ABSENT("putIfAbsent"), REMOVE("remove"),
        CONTAINS_KEY("containsKey"), CONTAINS_VALUE("containsValue"), SIZE("size"), CLEAR("clear"),
        PUT_ALL("putAll"), SNAPSHOT("snapshot");

        private final String wireName;

        Op(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
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
