package dev.mp4j.launcher.managers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;

/**
 * What a proxy holds: the server's endpoint and the object's id there. Serializable, so a proxy
 * captured by a target or sent through a queue works in the receiving process, which connects lazily.
 */
record ProxyRef(ManagerClient.Endpoint endpoint, long id) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The fields its serialized form carries, after the kind of the proxy that holds it. */
    void write(byte kind, DataOutput out) throws IOException {
        out.writeByte(kind);
        endpoint.write(out);
        out.writeLong(id);
    }

    static ProxyRef read(DataInput in) throws IOException {
        return new ProxyRef(ManagerClient.Endpoint.read(in), in.readLong());
    }

    /** Runs {@code op} on a built-in managed object: one round trip. */
    Object call(Operation op, Object... args) {
        return ManagerClient.call(endpoint, id, op.wireName(), args);
    }

    /**
     * A call that never waits on the server (a release): made with the interrupt flag put aside, so a
     * thread that was interrupted can still give back what it holds, as a {@code finally} block does.
     */
    Object callEvenIfInterrupted(Operation op, Object... args) {
        boolean interrupted = Thread.interrupted();
        try {
            return call(op, args);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
