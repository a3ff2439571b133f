package dev.mp4j.launcher.managers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The types every manager serves without registration (CPython's {@code SyncManager} typeids): the
 * {@link Manager} asks for one by constant, the server makes it from the same constant.
 */
enum ManagedType {
    DICT("dict"), LIST("list"), VALUE("Value"), ARRAY("Array"), NAMESPACE("Namespace"), LOCK("Lock"), RLOCK("RLock"),
    SEMAPHORE("Semaphore"), BOUNDED_SEMAPHORE("BoundedSemaphore"), EVENT("Event"), CONDITION("Condition"),
    BARRIER("Barrier"), QUEUE("Queue"), JOINABLE_QUEUE("JoinableQueue");

    private static final Map<String, ManagedType> byTypeid = new HashMap<>();

    static {
        for (ManagedType type : values()) {
            byTypeid.put(type.typeid, type);
        }
    }

    final String typeid;

    ManagedType(String typeid) {
        this.typeid = typeid;
    }

    /** The built-in type of that name, or null (a registered type's name, or none). */
    static ManagedType of(String typeid) {
        return byTypeid.get(typeid);
    }

    /** A new object of this type from the arguments its {@link Manager} method sent. */
    Managed create(Object[] a) {
        return switch (this) {
            case DICT -> new ManagedDict();
            case LIST -> new ManagedList(a.length > 0 ? (Collection<?>) a[0] : List.of());
            case VALUE -> new ManagedValue((Character) a[0], a[1]);
            case ARRAY -> new ManagedArray((Character) a[0], (Collection<?>) a[1]);
            case NAMESPACE -> new ManagedNamespace();
            case LOCK -> new ManagedLock(false);
            case RLOCK -> new ManagedLock(true);
            case SEMAPHORE -> new ManagedSemaphore((Integer) a[0], false);
            case BOUNDED_SEMAPHORE -> new ManagedSemaphore((Integer) a[0], true);
            case EVENT -> new ManagedEvent();
            case CONDITION -> new ManagedCondition();
            case BARRIER -> new ManagedBarrier((Integer) a[0]);
            case QUEUE -> new ManagedQueue((Integer) a[0], false);
            case JOINABLE_QUEUE -> new ManagedQueue((Integer) a[0], true);
        };
    }
}
