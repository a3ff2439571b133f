package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;

/**
 * A value held by a {@link Manager}'s server ({@code manager.value('d', 0.0)}): Python's
 * {@code x.value} is {@link #value()}, {@code x.value = 3.14} is {@link #setValue}. The typecode converts
 * numbers as a C type would hold them ({@code 'd'} a double, {@code 'i'} an int); reads and writes are
 * each atomic, but {@code setValue(value() + 1)} is two calls: guard it with a manager lock.
 */
public final class ValueProxy<T> implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;
    private final char typecode;

    ValueProxy(ProxyRef ref, char typecode) {
        this.ref = ref;
        this.typecode = typecode;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.VALUE, out);
        out.writeChar(typecode);
    }

    static ValueProxy<?> readHandle(DataInput in) throws IOException {
        return new ValueProxy<>(ProxyRef.read(in), in.readChar());
    }

    @SuppressWarnings("unchecked")
    public T value() {
        return (T) ref.call(ManagedValue.Op.GET);
    }

    public void setValue(T value) {
        ref.call(ManagedValue.Op.SET, value);
    }

    public char typecode() {
        return typecode;
    }

    @Override
    public String toString() {
        return "Value('" + typecode + "', " + value() + ")";
    }
}
