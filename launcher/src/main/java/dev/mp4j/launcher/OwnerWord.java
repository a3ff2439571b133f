package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Backoff;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.Timeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The word a lock keeps in shared memory: 0 when free, else its holder as {@code pid << 32 | thread id}.
 * Acquiring is one compare-and-set; a waiter backs off ({@link Backoff}) and, every
 * {@value #OWNER_CHECK_MILLIS} ms, checks that the holder's process is still alive. When it is not, the
 * waiter frees the lock and throws {@link OwnerDiedException}: no silent hang (CPython's locks stay
 * held forever), and no silent take-over of data the dead process may have left half-written.
 */
final class OwnerWord {

    static final long PID = ProcessHandle.current().pid();
    static final long OWNER_CHECK_MILLIS = 50;

    private OwnerWord() {
    }

    /** The calling thread of this process, as a holder. */
    static long myToken() {
        return PID << 32 | (Thread.currentThread().threadId() & 0xffff_ffffL);
    }

    static long pidOf(long token) {
        return token >>> 32;
    }

    /**
     * Takes the word at {@code at} for {@code token}. {@code blocking=false} tries once; the timeout
     * follows {@link Timeouts}. {@code onOwnerDied} resets whatever else the lock keeps (a count).
     */
    static boolean acquire(SharedBlock block, long at, long token, boolean blocking, double timeout,
                           String what, Runnable onOwnerDied) {
        if (block.casLong(at, 0, token)) {
            return true;
        }
        if (!blocking || Timeouts.nanos(timeout) == 0) {
            return false;
        }
        long deadline = Backoff.deadline(timeout);
        Backoff backoff = new Backoff();
        long nextOwnerCheck = System.nanoTime() + OWNER_CHECK_MILLIS * 1_000_000;
        while (backoff.pause(deadline)) {
            long holder = block.getLongVolatile(at);
            if (holder == 0) {
                if (block.casLong(at, 0, token)) {
                    return true;
                }
            } else if (System.nanoTime() - nextOwnerCheck >= 0) {
                nextOwnerCheck = System.nanoTime() + OWNER_CHECK_MILLIS * 1_000_000;
                long pid = pidOf(holder);
                // take it over first, so that resetting its other state cannot race with a new holder
                if (pid != PID && !alive(pid) && block.casLong(at, holder, token)) {
                    onOwnerDied.run();
                    block.setLongRelease(at, 0);
                    throw new OwnerDiedException(what + " was held by process " + pid
                            + ", which died without releasing it; the lock is free again,"
                            + " but what it guarded may be half-updated");
                }
            }
        }
        return block.casLong(at, 0, token);
    }

    /** Alive and not a zombie: a killed child stays a zombie until its parent reaps it. */
    static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isReadable(stat)) {
            try {
                String text = Files.readString(stat);
                int close = text.lastIndexOf(')');
                return close < 0 || close + 2 >= text.length() || text.charAt(close + 2) != 'Z';
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }
}
