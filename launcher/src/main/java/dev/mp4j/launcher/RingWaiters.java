package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.SharedBlock;

/**
 * The threads that wait on a {@link RingQueue} for one thing (an item, or room), kept in its shared
 * block: a mask of taken places, then one place per waiting thread holding its token ({@code pid << 32 |
 * thread id}). A waiter sets its bit in the mask once it is about to sleep in the kernel; a waker reads
 * the mask only (one load: no syscall while nobody sleeps). A process killed
 * while waiting leaves its place and its bit behind; that costs wakers a useless wake-up until
 * {@link #countAlive()} finds the dead pid and frees both, and never hides a live waiter.
 *
 * <p>Layout: the mask (one long), then {@value #PLACES} longs. Entering takes a place, going to sleep
 * sets its bit; leaving clears the bit, then frees the place: a bit is never set for a free place, so clearing
 * a dead waiter's bit while its place still holds its token cannot clear a new waiter's bit. A thread
 * that finds every place taken waits unregistered (see {@link RingQueue} for how it is still woken).
 */
final class RingWaiters {

    static final int PLACES = Long.SIZE;
    static final long BYTES = Long.BYTES * (1L + PLACES);
    static final int NO_PLACE = -1;

    private final SharedBlock block;
    private final long mask;

    RingWaiters(SharedBlock block, long at) {
        this.block = block;
        this.mask = at;
    }

    /** Registers the calling thread as waiting; its place, or {@link #NO_PLACE} if all are taken. */
    int enter() {
        long token = OwnerWord.myToken();
        // spread out: the main threads of many children share a thread id, not a pid
        int first = (int) Math.floorMod(OwnerWord.PID * 31 + Thread.currentThread().threadId(), (long) PLACES);
        for (int i = 0; i < PLACES; i++) {
            int place = (first + i) % PLACES;
            if (block.getLongVolatile(place(place)) == 0 && block.casLong(place(place), 0, token)) {
                return place;
            }
        }
        return NO_PLACE;
    }

    /**
     * From now on wakers wake sleepers for this waiter; call it before reading the word it sleeps on.
     * A waiter that never sleeps never touches the mask, which every put or get reads.
     */
    void sleeping(int place) {
        long bit = 1L << place;
        if (place != NO_PLACE && (block.getLongVolatile(mask) & bit) == 0) {
            block.getAndBitwiseOrLong(mask, bit);
        }
    }

    void leave(int place) {
        if (place == NO_PLACE) {
            return;
        }
        long bit = 1L << place;
        if ((block.getLongVolatile(mask) & bit) != 0) {
            block.getAndBitwiseAndLong(mask, ~bit);
        }
        block.setLongVolatile(place(place), 0);
    }

    /** Whether anyone may be asleep; what a waker reads before making a syscall. */
    boolean anyone() {
        return block.getLongVolatile(mask) != 0;
    }

    /**
     * How many registered waiters are alive; frees the places of dead processes on the way. Call it
     * holding the ring's lock, so that two sweeps never free the same place.
     */
    int countAlive() {
        int alive = 0;
        for (int place = 0; place < PLACES; place++) {
            long token = block.getLongVolatile(place(place));
            if (token == 0) {
                continue;
            }
            long pid = OwnerWord.pidOf(token);
            if (pid == OwnerWord.PID || OwnerWord.alive(pid)) {
                alive++;
            } else {
                block.getAndBitwiseAndLong(mask, ~(1L << place));
                block.casLong(place(place), token, 0);
            }
        }
        return alive;
    }

    private long place(int place) {
        return mask + Long.BYTES * (1L + place);
    }
}
