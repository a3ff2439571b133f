package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Python's {@code manager.Namespace()}: named attributes held by the server. {@code ns.x = 1} is
 * {@code ns.set("x", 1)}, {@code ns.x} is {@code ns.get("x")} (a missing name throws
 * NoSuchElementException, Python's AttributeError).
 */
public final class NamespaceProxy implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    NamespaceProxy(ProxyRef ref) {
        this.ref = ref;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.NAMESPACE, out);
    }

    static NamespaceProxy readHandle(DataInput in) throws IOException {
        return new NamespaceProxy(ProxyRef.read(in));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        return (T) ref.call(ManagedNamespace.Op.GET, name);
    }

    public void set(String name, Object value) {
        ref.call(ManagedNamespace.Op.SET, name, value);
    }

    public void remove(String name) {
        ref.call(ManagedNamespace.Op.REMOVE, name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> attributes() {
        return (Map<String, Object>) ref.call(ManagedNamespace.Op.SNAPSHOT);
    }

    @Override
    public String toString() {
        return attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "Namespace(", ")"));
    }
}
