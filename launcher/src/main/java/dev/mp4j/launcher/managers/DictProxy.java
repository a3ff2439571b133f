package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A dict held by a {@link Manager}'s server, as a {@link Map}. Each method is one atomic operation on the
 * server (putAll and clear included); iteration, equals and toString work on a copy fetched in one round
 * trip, so what they show is the dict at one moment. Keys keep insertion order, as Python's dict.
 */
public final class DictProxy<K, V> extends AbstractMap<K, V> implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    DictProxy(ProxyRef ref) {
        this.ref = ref;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.DICT, out);
    }

    static DictProxy<?, ?> readHandle(DataInput in) throws IOException {
        return new DictProxy<>(ProxyRef.read(in));
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(Object key) {
        return (V) ref.call(ManagedDict.Op.GET, key);
    }

    @SuppressWarnings("unchecked")
    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return (V) ref.call(ManagedDict.Op.GET_OR_DEFAULT, key, defaultValue);
    }

    @SuppressWarnings("unchecked")
    @Override
    public V put(K key, V value) {
        return (V) ref.call(ManagedDict.Op.PUT, key, value);
    }

    /**
     * Python's {@code d[key] = value}: stores without returning the old value, and without waiting for
     * the server (write-behind). This thread's next call to the manager (any proxy) first waits until its
     * earlier writes are applied, in order, and throws if one failed; other processes see the write once
     * the server has applied it, so publish "done" through a synchronous call (a queue put, a lock
     * release, {@code put}) when they must see it.
     */
    public void set(K key, V value) {
        ref.send(ManagedDict.Op.PUT, key, value);
    }

    /** Waits until every write-behind call of this thread has been applied; throws if one failed. */
    public void flush() {
        WriteBehind.drainPending();
    }

    @SuppressWarnings("unchecked")
    @Override
    public V putIfAbsent(K key, V value) {
        return (V) ref.call(ManagedDict.Op.PUT_IF_ABSENT, key, value);
    }

    @SuppressWarnings("unchecked")
    @Override
    public V remove(Object key) {
        return (V) ref.call(ManagedDict.Op.REMOVE, key);
    }

    @Override
    public boolean containsKey(Object key) {
        return (Boolean) ref.call(ManagedDict.Op.CONTAINS_KEY, key);
    }

    @Override
    public boolean containsValue(Object value) {
        return (Boolean) ref.call(ManagedDict.Op.CONTAINS_VALUE, value);
    }

    @Override
    public int size() {
        return (Integer) ref.call(ManagedDict.Op.SIZE);
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public void clear() {
        ref.call(ManagedDict.Op.CLEAR);
    }

    /** One round trip, whatever the size of {@code map}. */
    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        ref.call(ManagedDict.Op.PUT_ALL, new LinkedHashMap<>(map));
    }

    /** Python's {@code dict.copy()}: the current contents as a local map. */
    @SuppressWarnings("unchecked")
    public Map<K, V> copy() {
        return (Map<K, V>) ref.call(ManagedDict.Op.SNAPSHOT);
    }

    /** A view over a copy; {@code setValue} and {@code Iterator.remove} write through to the server. */
    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> copy = copy().entrySet().iterator();
                return new Iterator<>() {
                    private Entry<K, V> last;

                    @Override
                    public boolean hasNext() {
                        return copy.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        Entry<K, V> entry = copy.next();
                        last = entry;
                        return new SimpleEntry<>(entry.getKey(), entry.getValue()) {
                            @Serial
                            private static final long serialVersionUID = 1L;

                            @Override
                            public V setValue(V value) {
                                super.setValue(value);
                                return put(getKey(), value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        DictProxy.this.remove(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return DictProxy.this.size();
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return other == this || copy().equals(other instanceof DictProxy<?, ?> proxy ? proxy.copy() : other);
    }

    @Override
    public int hashCode() {
        return copy().hashCode();
    }

    /** The current contents, fetched in one round trip. */
    @Override
    public String toString() {
        return copy().toString();
    }
}
