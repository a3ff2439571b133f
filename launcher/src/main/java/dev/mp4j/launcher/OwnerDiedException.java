package dev.mp4j.launcher;

/**
 * A lock's holder process died while holding it. The acquirer that noticed gets this exception and the
 * lock is released, so the next {@code acquire()} (a retry) succeeds; the data the lock guarded may be
 * half-updated, which is why the first acquirer is told rather than silently handed the lock.
 * CPython leaves such a lock held forever.
 */
public final class OwnerDiedException extends IllegalStateException {

    OwnerDiedException(String message) {
        super(message);
    }
}
