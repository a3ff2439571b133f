package dev.mp4j.launcher.managers;

import java.io.Serial;
import java.io.Serializable;

/**
 * What a proxy holds: the server's endpoint and the object's id there. Serializable, so a proxy
 * captured by a target or sent through a queue works in the receiving process, which connects lazily.
 */
record ProxyRef(ManagerClient.Endpoint endpoint, long id) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Runs {@code op} on a built-in managed object: one round trip. */
    Object call(Operation op, Object... args) {
        return ManagerClient.call(endpoint, id, op.wireName(), args);
    }

    /** A write-behind call: see {@link WriteBehind#send}. */
    void send(Operation op, Object... args) {
        WriteBehind.send(endpoint, id, op.wireName(), args);
    }

    /** Calls a registered type's public method by its name, which only the user's class knows. */
    Object callMethod(String method, Object... args) {
        return ManagerClient.call(endpoint, id, method, args);
    }

    @Override
    public String toString() {
        return "id " + id + " at " + endpoint;
    }
}
