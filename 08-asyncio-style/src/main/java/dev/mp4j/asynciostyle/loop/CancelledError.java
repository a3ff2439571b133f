package dev.mp4j.asynciostyle.loop;

import java.util.concurrent.CancellationException;

/**
 * asyncio's {@code CancelledError}: thrown at a task's suspension point when it is cancelled, and by
 * {@link Future#result()} of a cancelled future. A coroutine may catch it to clean up.
 */
public final class CancelledError extends CancellationException {

    public CancelledError() {
        super();
    }

    public CancelledError(String message) {
        super(message);
    }
}
