package dev.mp4j.launcher.internal;

/**
 * One wait for a 32-bit counter word in shared memory to move on (its writers bump it, then wake its
 * sleepers). The first {@value #SHORT_WAIT_NANOS} ns of a wait are {@link Backoff} (spins, yields,
 * short naps): under a heavy load most waits end there, and a process that naps on its own timer costs
 * its waker nothing. A longer wait sleeps on the word with a {@link Futex}, in slices of at most
 * {@code maxSliceNanos}: between slices it checks the interrupt flag (a thread asleep in a syscall does
 * not see {@link Thread#interrupt()}) and the deadline, and the caller re-checks its condition, so a
 * wake-up that never comes (its waker was killed) costs one slice, never a hang. Without a futex (the
 * default: no {@code -Dmp4j.futex=on}; not Linux; no native access) or in a virtual thread (a syscall
 * would pin its carrier) the whole wait is {@link Backoff}. Timeouts and interrupts follow {@link Timeouts}.
 */
public final class WordSleeper {

    /** Longest sleep in the kernel between two checks of the interrupt flag. */
    public static final long SLICE_NANOS = 50_000_000;
    /** How long a wait backs off before it sleeps on the futex. */
    static final long SHORT_WAIT_NANOS = 2_000_000;

    private final SharedBlock block;
    private final long word;
    private final Backoff backoff = new Backoff();
    private final long started = System.nanoTime();
    private boolean sleeping;

    public WordSleeper(SharedBlock block, long word) {
        this.block = block;
        this.word = word;
    }

    /** Whether the next {@link #pause} sleeps in the kernel, so a waker must know of this waiter by now. */
    public boolean sleepsNext() {
        if (!sleeping && System.nanoTime() - started >= SHORT_WAIT_NANOS) {
            sleeping = Futex.available() && !Thread.currentThread().isVirtual(); // linked at the first long wait
        }
        return sleeping;
    }

    /** The word's value now: read it before checking the condition, then pass it to {@link #pause}. */
    public int observe() {
        return block.getIntVolatile(word);
    }

    /**
     * Waits until the word no longer holds {@code seen}, at most a slice of {@code maxSliceNanos};
     * false once {@code deadline} (a {@link System#nanoTime()} value, or {@link Timeouts#NO_DEADLINE})
     * has passed. Call {@link #sleepsNext()} first.
     */
    public boolean pause(int seen, long deadline, long maxSliceNanos) {
        if (!sleeping) {
            return backoff.pause(deadline);
        }
        Timeouts.checkInterrupt("shared memory");
        long left = Timeouts.remaining(deadline);
        if (left == 0) {
            return false;
        }
        Futex.await(block.segment(), word, seen, Math.min(left, maxSliceNanos));
        return true;
    }
}
