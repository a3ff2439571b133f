package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * A fixed-length array held by a {@link Manager}'s server ({@code manager.array('i', values)}), as a
 * {@link List} that can be read and written by index but not resized, like CPython's ArrayProxy. It
 * prints like Python's array: {@code array('i', [5, 1, 2])}.
 */
public final class ArrayProxy<T> extends AbstractList<T> implements RandomAccess, Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;
    private final char typecode;

    ArrayProxy(ProxyRef ref, char typecode) {
        this.ref = ref;
        this.typecode = typecode;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.ARRAY, out);
        out.writeChar(typecode);
    }

    static ArrayProxy<?> readHandle(DataInput in) throws IOException {
        return new ArrayProxy<>(ProxyRef.read(in), in.readChar());
    }

    @SuppressWarnings("unchecked")
    @Override
    public T get(int index) {
        return (T) ref.call(ManagedArray.Op.GET, index);
    }

    @SuppressWarnings("unchecked")
    @Override
    public T set(int index, T value) {
        return (T) ref.call(ManagedArray.Op.SET, index, value);
    }

    @Override
    public int size() {
        return (Integer) ref.call(ManagedArray.Op.SIZE);
    }

    public char typecode() {
        return typecode;
    }

    /** Python's {@code arr[:]}: the current items as a local list. */
    @SuppressWarnings("unchecked")
    public List<T> copy() {
        return (List<T>) ref.call(ManagedArray.Op.SNAPSHOT);
    }

    @Override
    public Iterator<T> iterator() {
        return Collections.unmodifiableList(copy()).iterator();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || copy().equals(other instanceof ArrayProxy<?> proxy ? proxy.copy() : other);
    }

    @Override
    public int hashCode() {
        return copy().hashCode();
    }

    @Override
    public String toString() {
        return "array('" + typecode + "', " + copy() + ")";
    }
}
