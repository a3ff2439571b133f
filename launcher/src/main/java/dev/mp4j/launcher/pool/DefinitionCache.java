package dev.mp4j.launcher.pool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a worker keeps of the definitions sent to it (a lambda's shape, a map's function), by id, and the
 * parent's copy of which ids that worker keeps. Both ends drop the oldest entry beyond {@link #CAPACITY}
 * and see the same definitions in the same order (the tasks' order on one connection), so the parent
 * always knows whether a definition must be sent again.
 */
final class DefinitionCache<V> {

    static final int CAPACITY = 64;
    private static final AtomicLong ids = new AtomicLong();

    private final Map<Long, V> entries = new LinkedHashMap<>(CAPACITY * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A new definition's id, unique in this JVM. */
    static long newId() {
        return ids.incrementAndGet();
    }

    boolean contains(long id) {
        return entries.containsKey(id);
    }

    void put(long id, V value) {
        entries.put(id, value);
    }

    V get(long id) {
        return entries.get(id);
    }
}
