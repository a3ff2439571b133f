package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;

/**
 * A list held by a {@link Manager}'s server, as a {@link List}. Each method is one atomic operation on the
 * server ({@code addAll} included); iteration, equals, toString and toArray work on a copy fetched in one
 * round trip (its iterators are read-only).
 */
public final class ListProxy<E> extends AbstractList<E> implements RandomAccess, Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    ListProxy(ProxyRef ref) {
        this.ref = ref;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.LIST, out);
    }

    static ListProxy<?> readHandle(DataInput in) throws IOException {
        return new ListProxy<>(ProxyRef.read(in));
    }

    @SuppressWarnings("unchecked")
    @Override
    public E get(int index) {
        return (E) ref.call(ManagedList.Op.GET, index);
    }

    @SuppressWarnings("unchecked")
    @Override
    public E set(int index, E element) {
        return (E) ref.call(ManagedList.Op.SET, index, element);
    }

    @Override
    public boolean add(E element) {
        return (Boolean) ref.call(ManagedList.Op.ADD, element);
    }

    /** Python's {@code l.append(x)} as a write-behind call (see {@link DictProxy#set}). */
    public void append(E element) {
        ref.send(ManagedList.Op.ADD, element);
    }

    @Override
    public void add(int index, E element) {
        ref.call(ManagedList.Op.INSERT, index, element);
    }

    @SuppressWarnings("unchecked")
    @Override
    public E remove(int index) {
        return (E) ref.call(ManagedList.Op.REMOVE_AT, index);
    }

    @Override
    public boolean remove(Object element) {
        return (Boolean) ref.call(ManagedList.Op.REMOVE, element);
    }

    @Override
    public int size() {
        return (Integer) ref.call(ManagedList.Op.SIZE);
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public void clear() {
        ref.call(ManagedList.Op.CLEAR);
    }

    /** One round trip, whatever the size of {@code elements}. */
    @Override
    public boolean addAll(Collection<? extends E> elements) {
        return (Boolean) ref.call(ManagedList.Op.ADD_ALL, new ArrayList<>(elements));
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        return (Boolean) ref.call(ManagedList.Op.INSERT_ALL, index, new ArrayList<>(elements));
    }

    @Override
    public int indexOf(Object element) {
        return (Integer) ref.call(ManagedList.Op.INDEX_OF, element);
    }

    @Override
    public int lastIndexOf(Object element) {
        return (Integer) ref.call(ManagedList.Op.LAST_INDEX_OF, element);
    }

    @Override
    public boolean contains(Object element) {
        return (Boolean) ref.call(ManagedList.Op.CONTAINS, element);
    }

    /** The current contents as a local list. */
    @SuppressWarnings("unchecked")
    public List<E> copy() {
        return (List<E>) ref.call(ManagedList.Op.SNAPSHOT);
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableList(copy()).iterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return Collections.unmodifiableList(copy()).listIterator(index);
    }

    /** Sorts a copy here and writes it back in one call (not atomic against concurrent writers). */
    @Override
    public void sort(Comparator<? super E> comparator) {
        List<E> sorted = copy();
        sorted.sort(comparator);
        ref.call(ManagedList.Op.SET_ALL, new ArrayList<>(sorted));
    }

    @Override
    public Object[] toArray() {
        return copy().toArray();
    }

    @Override
    public <T> T[] toArray(T[] array) {
        return copy().toArray(array);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || copy().equals(other instanceof ListProxy<?> proxy ? proxy.copy() : other);
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
