package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.Timeouts;
import java.io.Serial;
import java.io.Serializable;

/** An Event held by a {@link Manager}'s server: {@code set}, {@code clear}, {@code isSet}, and Python's {@code wait} as {@link #await}. */
public final class EventProxy implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProxyRef ref;

    EventProxy(ProxyRef ref) {
        this.ref = ref;
    }

    public void set() {
        ref.call(ManagedEvent.Op.SET);
    }

    public void clear() {
        ref.call(ManagedEvent.Op.CLEAR);
    }

    public boolean isSet() {
        return (Boolean) ref.call(ManagedEvent.Op.IS_SET);
    }

    /** Waits until the flag is set. */
    public boolean await() {
        return await(Timeouts.FOREVER);
    }

    /** Waits at most {@code timeoutSeconds} (negative: 0); returns the flag. */
    public boolean await(double timeoutSeconds) {
        return (Boolean) ref.call(ManagedEvent.Op.WAIT, timeoutSeconds);
    }

    @Override
    public String toString() {
        return "<EventProxy " + ref + " set=" + isSet() + ">";
    }
}
