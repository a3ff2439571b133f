package dev.mp4j.launcher.managers;

import java.io.Serializable;

/**
 * Makes an instance of a type registered with a {@link Manager} (CPython's {@code register(typeid,
 * callable)}), for example {@code Counter::new}. It is serialized to the server, so it must capture only
 * serializable values, and its class must be on the server's class path.
 */
@FunctionalInterface
public interface SharedFactory<T> extends Serializable {
    T create() throws Exception;
}
