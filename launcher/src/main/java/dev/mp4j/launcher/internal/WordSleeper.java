package dev.mp4j.launcher.internal;

/**
 * One wait for a 32-bit counter word in shared memory to move on (its writers bump it, then wake its
 * sleepers). With a {@link Futex} the waiter spins a little and yields a little, as {@link Backoff}
 * does (a release is usually that close, and yielding lets its maker run), then sleeps in the kernel in slices of at
 * most {@code maxSliceNanos}: between slices it checks the interrupt flag (a thread sleeping in a
 * syscall does not see {@link Thread#interrupt()}) and the deadline, and the caller re-checks its
 * condition, so a wake-up that never comes (its waker was killed) costs one slice, never a hang.
 * Without a futex (not Linux, no native access, {@code -Dmp4j.futex=off}) or in a virtual thread
 * (a syscall would pin its carrier) it is {@link Backoff}. Timeouts and interrupts follow {@link Timeouts}.
 */
public final class WordSleeper {

    /** Longest sleep in the kernel between two checks of the interrupt flag. */
    public static final long SLICE_NANOS = 50_000_000;
    private static final int SPINS = 100;
    private static final int YIELDS = 20;

    private final SharedBlock block;
    private final long word;
    private final Backoff backoff;
    private int rounds;

    public WordSleeper(SharedBlock block, long word) {
        this.block = block;
        this.word = word;
        this.backoff = Futex.available() && !Thread.currentThread().isVirtual() ? null : new Backoff();
    }

    /** Whether the next {@link #pause} sleeps in the kernel, so a waker must know of this waiter by now. */
    public boolean sleepsNext() {
        return backoff == null && rounds >= SPINS + YIELDS;
    }

    /** The word's value now: read it before checking the condition, then pass it to {@link #pause}. */
    public int observe() {
        return block.getIntVolatile(word);
    }

    /**
     * Waits until the word no longer holds {@code seen}, at most a slice of {@code maxSliceNanos};
     * false once {@code deadline} (a {@link System#nanoTime()} value, or {@link Timeouts#NO_DEADLINE})
     * has passed.
     */
    public boolean pause(int seen, long deadline, long maxSliceNanos) {
        if (backoff != null) {
            return backoff.pause(deadline);
        }
        Timeouts.checkInterrupt("shared memory");
        long left = Timeouts.remaining(deadline);
        if (left == 0) {
            return false;
        }
        if (rounds < SPINS + YIELDS) {
            if (rounds++ < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            return true;
        }
        Futex.await(block.segment(), word, seen, Math.min(left, maxSliceNanos));
        return true;
    }
}
