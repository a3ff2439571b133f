package dev.mp4j.launcher.internal;

import java.io.DataOutput;
import java.io.IOException;

/**
 * One of the launcher's shareable objects (a queue, a lock, a shared value, a pipe end, a manager's
 * proxy...) that can cross a process boundary without an object stream: it writes its kind and then the
 * fields its serialized form carries, and {@link HandleCodec} rebuilds it on the other side as its
 * {@code readObject} would. In a fresh JVM the first object stream costs tens of milliseconds (the JDK
 * sets up its deserialization filter, its logger and reflection); a target that captures only plain
 * values and handles skips it. Serialization keeps working, for handles inside a user's own objects.
 */
public interface Handle {

    /**
     * Whether this object writes itself: false when one of its fields is neither plain nor a handle that
     * does (a user's object), or when it is a user's subclass, whose fields only an object stream knows.
     */
    default boolean writesItself() {
        return true;
    }

    /** Writes its kind byte (one of the readers {@link HandleCodec} knows) and then its fields. */
    void writeHandle(DataOutput out) throws IOException;
}
