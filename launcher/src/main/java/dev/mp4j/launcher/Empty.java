package dev.mp4j.launcher;

import java.io.Serial;

/** Python's {@code queue.Empty}: {@code get} found no item (at once, or within its timeout). */
public final class Empty extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public Empty() {
        super("the queue is empty");
    }
}
