package dev.mp4j.launcher.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * Linux's futex on a 32-bit word of shared memory, called through the FFM API: a process sleeps in the
 * kernel until another one wakes the word, with no polling. The operations are the shared ones, not the
 * {@code _PRIVATE} variants, because the word lives in a {@code MAP_SHARED} file mapping that several
 * processes map at different addresses (the kernel keys a shared futex by file and offset).
 *
 * <p>{@link #available()} is decided once per JVM: Linux on x86_64 or aarch64, native access enabled
 * for this code ({@code --enable-native-access=ALL-UNNAMED}, which children get; without it linking
 * would print a warning, so it is not tried), {@code -Dmp4j.futex=on}, and a first call that behaves.
 * Otherwise callers fall back to {@link Backoff}. Off by default: where most waits are short hand-offs
 * (the bench's 10 × 10 load), sleeping in the kernel costs more than the back-off's naps.
 */
public final class Futex {

    /** {@code -Dmp4j.futex=on} lets this JVM sleep in the kernel; children inherit it. */
    public static final String PROPERTY = "mp4j.futex";

    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int EAGAIN = 11;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final long SYS_FUTEX = syscallNumber();
    /** Decided before anything native is touched: a JVM that will not use the futex loads none of it. */
    private static final boolean WANTED = SYS_FUTEX >= 0 && "on".equals(System.getProperty(PROPERTY))
            && Futex.class.getModule().isNativeAccessEnabled();
    private static final boolean AVAILABLE = WANTED && Native.SYSCALL != null && selfCheck();

    /** The downcall and its layouts, initialized only where the futex is wanted. */
    private static final class Native {
        static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO =
                CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        /** One scratch area per thread: the {@code timespec} of a wait, then the captured errno. */
        static final ThreadLocal<MemorySegment> SCRATCH =
                ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(16 + CALL_STATE.byteSize(), 8));
        static final MethodHandle SYSCALL = link();
    }

    private Futex() {
    }

    /** Whether this JVM waits and wakes through futexes. */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Sleeps while the word at {@code offset} of {@code segment} still holds {@code expected}, for at most
     * {@code nanos} (positive). Returns at once if the word holds something else; may also return early
     * (a signal, a wake-up meant for another waiter): the caller re-checks what it waits for.
     */
    public static void await(MemorySegment segment, long offset, int expected, long nanos) {
        requireAvailable();
        MemorySegment scratch = Native.SCRATCH.get();
        long bounded = Math.max(1, nanos);
        scratch.set(ValueLayout.JAVA_LONG, 0, bounded / NANOS_PER_SECOND);
        scratch.set(ValueLayout.JAVA_LONG, 8, bounded % NANOS_PER_SECOND);
        call(scratch, word(segment, offset), FUTEX_WAIT, expected, scratch);
    }

    /** Wakes up to {@code count} processes or threads sleeping on the word; returns how many it woke. */
    public static int wake(MemorySegment segment, long offset, int count) {
        requireAvailable();
        long woken = call(Native.SCRATCH.get(), word(segment, offset), FUTEX_WAKE, count, MemorySegment.NULL);
        if (woken < 0) {
            throw new IllegalStateException("futex wake failed, errno " + errno(Native.SCRATCH.get()));
        }
        return (int) woken;
    }

    private static MemorySegment word(MemorySegment segment, long offset) {
        if (offset % Integer.BYTES != 0) {
            throw new IllegalArgumentException("a futex word must be 4-byte aligned, offset was " + offset);
        }
        return segment.asSlice(offset, Integer.BYTES);
    }

    private static long call(MemorySegment scratch, MemorySegment word, int op, int value, MemorySegment timeout) {
        try {
            return (long) Native.SYSCALL.invokeExact(scratch.asSlice(16), SYS_FUTEX, word, (long) op, (long) value,
                    timeout, MemorySegment.NULL, 0L);
        } catch (Throwable e) {
            throw new IllegalStateException("futex call failed", e);
        }
    }

    private static int errno(MemorySegment scratch) {
        return (int) Native.ERRNO.get(scratch.asSlice(16), 0L);
    }

    private static void requireAvailable() {
        if (!AVAILABLE) {
            throw new IllegalStateException("no futex in this JVM; check Futex.available() first");
        }
    }

    private static long syscallNumber() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return -1;
        }
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> 202;
            case "aarch64" -> 98;
            default -> -1;
        };
    }

    /** {@code long syscall(long number, ...)}, its six arguments passed as the words glibc reads them as. */
    private static MethodHandle link() {
        try {
            Linker linker = Linker.nativeLinker();
            MemorySegment syscall = linker.defaultLookup().findOrThrow("syscall");
            FunctionDescriptor signature = FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
            return linker.downcallHandle(syscall, signature, Linker.Option.firstVariadicArg(1),
                    Linker.Option.captureCallState("errno"));
        } catch (RuntimeException | LinkageError unavailable) {
            return null;
        }
    }

    /** A wait on a word that does not hold the expected value must fail at once with EAGAIN. */
    private static boolean selfCheck() {
        try {
            MemorySegment scratch = Native.SCRATCH.get();
            MemorySegment probe = Arena.ofAuto().allocate(Integer.BYTES, Integer.BYTES);
            probe.set(ValueLayout.JAVA_INT, 0, 1);
            scratch.set(ValueLayout.JAVA_LONG, 0, 0L);
            scratch.set(ValueLayout.JAVA_LONG, 8, 1_000_000L);
            long result = call(scratch, probe, FUTEX_WAIT, 0, scratch);
            return result == -1 && errno(scratch) == EAGAIN;
        } catch (RuntimeException failed) {
            return false;
        }
    }
}
