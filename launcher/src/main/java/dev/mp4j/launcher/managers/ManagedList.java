package dev.mp4j.launcher.managers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A manager's list, behind {@link ListProxy}. */
final class ManagedList extends TypedManaged<ManagedList.Op> {

    enum Op implements Operation {
        GET, SET, ADD, INSERT, REMOVE_AT, REMOVE, SIZE,
        CLEAR, ADD_ALL, INSERT_ALL, INDEX_OF, LAST_INDEX_OF,
        CONTAINS, SET_ALL, SNAPSHOT
    }

    private final List<Object> list = new ArrayList<>();

    /** A list holding {@code initial}'s items. */
    ManagedList(Collection<?> initial) {
        super(Op.class);
        list.addAll(initial);
    }

    @Override
    String typeName() {
        return "list";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) {
        return switch (op) {
            case GET -> list.get((Integer) a[0]);
            case SET -> list.set((Integer) a[0], a[1]);
            case ADD -> list.add(a[0]);
            case INSERT -> {
                list.add((Integer) a[0], a[1]);
                yield null;
            }
            case REMOVE_AT -> list.remove((int) (Integer) a[0]);
            case REMOVE -> list.remove(a[0]);
            case SIZE -> list.size();
            case CLEAR -> {
                list.clear();
                yield null;
            }
            case ADD_ALL -> list.addAll((Collection<?>) a[0]);
            case INSERT_ALL -> list.addAll((Integer) a[0], (Collection<?>) a[1]);
            case INDEX_OF -> list.indexOf(a[0]);
            case LAST_INDEX_OF -> list.lastIndexOf(a[0]);
            case CONTAINS -> list.contains(a[0]);
            case SET_ALL -> {
                list.clear();
                list.addAll((Collection<?>) a[0]);
                yield null;
            }
            case SNAPSHOT -> new ArrayList<>(list);
        };
    }
}
