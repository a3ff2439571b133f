package dev.mp4j.launcher;

import java.io.Serial;

/** Python's {@code queue.Full}: {@code put} found no room (at once, or within its timeout). */
public final class Full extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public Full() {
        super("the queue is full");
    }
}
