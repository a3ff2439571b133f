package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.SharedEvent;
import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;

/** An Event held by a {@link Manager}'s server. */
final class EventProxy implements SharedEvent, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    EventProxy(ProxyRef ref) {
        this.ref = ref;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        ref.write(ProxyKinds.EVENT, out);
    }

    static EventProxy readHandle(DataInput in) throws IOException {
        return new EventProxy(ProxyRef.read(in));
    }

    @Override
    public void set() {
        ref.call(ManagedEvent.Op.SET);
    }

    @Override
    public void clear() {
        ref.call(ManagedEvent.Op.CLEAR);
    }

    @Override
    public boolean isSet() {
        return (Boolean) ref.call(ManagedEvent.Op.IS_SET);
    }

    @Override
    public boolean await(double timeoutSeconds) {
        return (Boolean) ref.call(ManagedEvent.Op.WAIT, timeoutSeconds);
    }

    @Override
    public String toString() {
        return "<EventProxy " + ref + " set=" + isSet() + ">";
    }
}
