package dev.mp4j.launcher.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * How a process waits for a word in shared memory to change: there is no portable cross-process wake-up
 * in Java (no futex without native access), so a waiter spins briefly (the holder is usually done within
 * a microsecond), then yields, then parks for growing naps capped at {@value #MAX_PARK_NANOS} ns. A
 * release is therefore seen within about a millisecond by a waiter that has waited long, and at once by
 * one that has not. Timeouts and interrupts follow {@link Timeouts}.
 */
public final class Backoff {

    public static final long NO_DEADLINE = Timeouts.NO_DEADLINE;
    private static final int SPINS = 100;
    private static final int YIELDS = 20;
    private static final long FIRST_PARK_NANOS = 20_000;
    static final long MAX_PARK_NANOS = 1_000_000;

    private int rounds;
    private long parkNanos = FIRST_PARK_NANOS;

    /** The deadline for a timeout in seconds, by {@link Timeouts#deadline}. */
    public static long deadline(double timeoutSeconds) {
        return Timeouts.deadline(timeoutSeconds);
    }

    /** Waits a little; false once {@code deadline} (a {@link System#nanoTime()} value) has passed. */
    public boolean pause(long deadline) {
        Timeouts.checkInterrupt("shared memory");
        if (deadline != NO_DEADLINE && System.nanoTime() - deadline >= 0) {
            return false;
        }
        if (rounds < SPINS) {
            rounds++;
            Thread.onSpinWait();
        } else if (rounds < SPINS + YIELDS) {
            rounds++;
            Thread.yield();
        } else {
            long nap = parkNanos;
            if (deadline != NO_DEADLINE) {
                nap = Math.min(nap, Math.max(1, deadline - System.nanoTime()));
            }
            LockSupport.parkNanos(nap);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
        return true;
    }
}
