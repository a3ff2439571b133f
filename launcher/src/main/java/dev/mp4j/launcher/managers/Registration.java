package dev.mp4j.launcher.managers;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

/** A type registered with a manager: how to make it and what it exposes. */
record Registration(SharedFactory<?> factory, String[] exposed) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    Set<String> exposedSet() {
        return exposed == null || exposed.length == 0 ? null : Set.of(exposed);
    }
}
