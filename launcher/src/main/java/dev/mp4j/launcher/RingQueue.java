package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Backoff;
import dev.mp4j.launcher.internal.Futex;
import dev.mp4j.launcher.internal.SharedBlock;
import dev.mp4j.launcher.internal.SharedMemory;
import dev.mp4j.launcher.internal.Timeouts;
import dev.mp4j.launcher.internal.WordSleeper;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The items of a queue in a ring of slots in shared memory: every process that holds the handle puts
 * and takes items itself, with no message to the owner. A robust lock word ({@link OwnerWord}) guards
 * the ring. A wait for room or for an item backs off; with {@code -Dmp4j.futex=on} a long one then
 * sleeps on a futex word that every get or put bumps ({@link WordSleeper}). The waiters are registered
 * in {@link RingWaiters}, so a put or get wakes one sleeper only when there is one.
 *
 * <p>Layout (longs): the lock word alone on the first cache line, then {@code head} (the sequence
 * number of the next item to take), {@code tail} (of the next item to put), {@code done} (task_done
 * calls), the number of dead holders recovered from, the owner's pid, and the journal of the operation
 * in progress (its kind and sequence number); on the next cache line the two futex words and the
 * poller flag; then the tables of waiting gets and waiting puts; then the slots. Slot {@code seq % capacity} holds
 * an item's length and bytes; an item longer than a slot is written to a file in the owner's private
 * directory and the slot holds the file's name (a negative length).
 *
 * <p>Commit protocol: an item is written into its slot first and published by advancing {@code tail},
 * both under the lock; a get copies the slot and advances {@code head}. Before either, the holder writes
 * the journal. A process killed while holding the lock leaves the journal behind: the next process to
 * find the holder dead ({@link OwnerWord} checks every 50 ms of waiting) reads it, knows whether one
 * item was lost (a get that advanced {@code head}, a put that had not yet advanced {@code tail}), counts
 * it as done so {@code join()} does not wait for it forever, says so on stderr, and carries on.
 */
final class RingQueue implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final int SLOT_BYTES = 128;
    static final int PAYLOAD_BYTES = SLOT_BYTES - Integer.BYTES;
    /** Slots of an unbounded queue: a put waits for room only past this many items. */
    static final int UNBOUNDED_SLOTS = 1 << 16;

    private static final long LOCK = 0;
    private static final long HEAD = 64;
    private static final long TAIL = 72;
    private static final long DONE = 80;
    private static final long RECOVERED = 88;
    private static final long OWNER_PID = 104;
    private static final long JOURNAL_OP = 112;
    private static final long JOURNAL_SEQ = 120;
    /** Bumped by every put: what a get waiting for an item sleeps on. */
    private static final long PUTS_WORD = 128;
    /** Bumped by every get: what a put waiting for room sleeps on. */
    private static final long GETS_WORD = 132;
    /** Set for good once a process that cannot wake sleepers (no futex) has found one to wake. */
    private static final long POLLER_SEEN = 136;
    private static final long WAITING_GETS = 192;
    private static final long WAITING_PUTS = WAITING_GETS + cacheLines(RingWaiters.BYTES);
    private static final long SLOTS = WAITING_PUTS + cacheLines(RingWaiters.BYTES);
    /** The longest sleep when a process that cannot wake may publish: the fallback's own longest nap. */
    private static final long POLLER_SLICE_NANOS = 1_000_000;

    private static final long OP_NONE = 0;
    private static final long OP_PUT = 1;
    private static final long OP_GET = 2;

    private static final AtomicLong spillCounter = new AtomicLong();
    /** Tests only: runs inside the lock at the point of no return of a put or a get, to kill there. */
    static volatile java.util.function.Consumer<String> insideCriticalSection;

    private final SharedBlock block;
    private final int capacity;
    private final long ownerPid;
    private transient volatile long nextOwnerCheck;
    private transient RingWaiters waitingGets;
    private transient RingWaiters waitingPuts;
    private transient volatile boolean pollerAnnounced;
    private transient String lockName;

    RingQueue(int maxsize) {
        this.capacity = maxsize > 0 ? maxsize : UNBOUNDED_SLOTS;
        this.block = SharedMemory.allocate(SLOTS + (long) capacity * SLOT_BYTES);
        this.ownerPid = OwnerWord.PID;
        block.setLongVolatile(OWNER_PID, ownerPid);
    }

    private RingQueue(SharedBlock block, int capacity, long ownerPid) {
        this.block = block;
        this.capacity = capacity;
        this.ownerPid = ownerPid;
    }

    /** The fields its serialized form carries, for the {@link Queue} handle that holds this ring. */
    void write(DataOutput out) throws IOException {
        block.write(out);
        out.writeInt(capacity);
        out.writeLong(ownerPid);
    }

    static RingQueue read(DataInput in) throws IOException {
        SharedBlock block = SharedBlock.read(in);
        int capacity = in.readInt();
        if (capacity < 1) {
            throw new StreamCorruptedException("bad ring capacity " + capacity);
        }
        return new RingQueue(block, capacity, in.readLong());
    }

    private RingWaiters waitingGetsTable() {
        RingWaiters table = waitingGets;
        if (table == null) {
            table = new RingWaiters(block, WAITING_GETS);
            waitingGets = table;
        }
        return table;
    }

    private RingWaiters waitingPutsTable() {
        RingWaiters table = waitingPuts;
        if (table == null) {
            table = new RingWaiters(block, WAITING_PUTS);
            waitingPuts = table;
        }
        return table;
    }

    /** Adds {@code item}; false if the queue stayed full for the whole wait (negative timeout: forever). */
    boolean put(byte[] item, boolean block, long timeoutNanos) {
        checkOwner();
        byte[] stored = item.length <= PAYLOAD_BYTES ? item : spill(item);
        boolean spilled = stored != item;
        try {
            return putStored(stored, spilled, block, timeoutNanos);
        } catch (RuntimeException notPut) { // interrupted, or the owner died: the spilled copy is nobody's
            if (spilled) {
                deleteSpill(stored);
            }
            throw notPut;
        }
    }

    private boolean putStored(byte[] stored, boolean spilled, boolean block, long timeoutNanos) {
        if (size() < capacity && tryPut(stored, spilled)) {
            return true;
        }
        if (!block) {
            if (spilled) {
                deleteSpill(stored);
            }
            return false;
        }
        long deadline = deadline(block, timeoutNanos);
        RingWaiters waiters = waitingPutsTable();
        int place = waiters.enter();
        boolean put = false;
        try {
            WordSleeper sleeper = new WordSleeper(this.block, GETS_WORD);
            while (true) {
                if (sleeper.sleepsNext()) {
                    waiters.sleeping(place);
                }
                int seen = sleeper.observe(); // before the check: a get after it changes the word
                if (size() < capacity && tryPut(stored, spilled)) {
                    put = true;
                    return true;
                }
                if (!sleeper.pause(seen, deadline, sliceNanos(place))) {
                    if (spilled) {
                        deleteSpill(stored);
                    }
                    return false;
                }
                checkOwner();
            }
        } finally {
            waiters.leave(place);
            if (!put && size() < capacity) {
                wake(waiters, GETS_WORD); // a wake-up meant for this put may have come: pass it on
            }
        }
    }

    private boolean tryPut(byte[] stored, boolean spilled) {
        lock();
        try {
            long tail = this.block.getLongVolatile(TAIL);
            if (tail - this.block.getLongVolatile(HEAD) >= capacity) {
                return false;
            }
            journal(OP_PUT, tail);
            writeSlot(tail, stored, spilled);
            pauseForTests("put");
            this.block.setLongRelease(TAIL, tail + 1);
            bump(PUTS_WORD);
            journal(OP_NONE, 0);
        } finally {
            unlock();
        }
        wake(waitingGetsTable(), PUTS_WORD);
        return true;
    }

    /** Takes the oldest item; null if the queue stayed empty for the whole wait. */
    byte[] get(boolean block, long timeoutNanos) {
        checkOwner();
        byte[] item = size() > 0 ? takeIfAny() : null;
        if (item != null || !block) {
            return item;
        }
        long deadline = deadline(block, timeoutNanos);
        RingWaiters waiters = waitingGetsTable();
        int place = waiters.enter();
        try {
            WordSleeper sleeper = new WordSleeper(this.block, PUTS_WORD);
            while (true) {
                if (sleeper.sleepsNext()) {
                    waiters.sleeping(place);
                }
                int seen = sleeper.observe(); // before the check: a put after it changes the word
                if (size() > 0 && (item = takeIfAny()) != null) {
                    return item;
                }
                if (!sleeper.pause(seen, deadline, sliceNanos(place))) {
                    return null;
                }
                checkOwner();
            }
        } finally {
            waiters.leave(place);
            if (item == null && size() > 0) {
                wake(waiters, PUTS_WORD); // a wake-up meant for this get may have come: pass it on
            }
        }
    }

    private byte[] takeIfAny() {
        byte[] stored;
        boolean spilled;
        lock();
        try {
            long head = block.getLongVolatile(HEAD);
            if (block.getLongVolatile(TAIL) - head <= 0) {
                return null;
            }
            journal(OP_GET, head);
            long at = slot(head);
            int length = block.getIntVolatile(at);
            spilled = length < 0;
            stored = new byte[spilled ? -length : length];
            MemorySegment.copy(block.segment(), ValueLayout.JAVA_BYTE, at + Integer.BYTES, stored, 0, stored.length);
            block.setLongRelease(HEAD, head + 1);
            bump(GETS_WORD);
            pauseForTests("get");
            journal(OP_NONE, 0);
        } finally {
            unlock();
        }
        wake(waitingPutsTable(), GETS_WORD);
        return spilled ? unspill(stored) : stored;
    }

    /**
     * Under the lock, so no bump is lost; a volatile write, so that the waker's later read of the
     * waiters' mask cannot be reordered before it (a waiter sets its bit, then reads the word).
     */
    private void bump(long word) {
        block.setIntVolatile(word, block.getIntVolatile(word) + 1);
    }

    /**
     * Wakes one sleeper on {@code word} if anyone sleeps: an uncontended put or get makes no syscall,
     * and a process that never meets a sleeper never links the futex.
     */
    private void wake(RingWaiters waiters, long word) {
        if (!waiters.anyone()) {
            return;
        }
        if (Futex.available()) {
            Futex.wake(block.segment(), word, 1);
        } else if (!pollerAnnounced) { // the sleeper it could not wake sees the item within its slice
            block.setLongVolatile(POLLER_SEEN, 1);
            pollerAnnounced = true;
        }
    }

    /**
     * How long a sleeper may go without looking: briefly when nobody can tell it to wake, that is once
     * a process without a futex has used the ring, or when the sleeper found no place to register.
     */
    private long sliceNanos(int place) {
        boolean unwakeable = place == RingWaiters.NO_PLACE || block.getLongVolatile(POLLER_SEEN) != 0;
        return unwakeable ? POLLER_SLICE_NANOS : WordSleeper.SLICE_NANOS;
    }

    private static long cacheLines(long bytes) {
        return (bytes + 63) / 64 * 64;
    }

    int size() {
        return (int) (block.getLongVolatile(TAIL) - block.getLongVolatile(HEAD));
    }

    int capacity() {
        return capacity;
    }

    /** How many gets wait now, in any process; a process killed while waiting is not counted. */
    int waitingGets() {
        lock();
        try {
            return waitingGetsTable().countAlive();
        } finally {
            unlock();
        }
    }

    /** Whether a get sleeps on the futex (or is about to), in any process: what tests wait for. */
    boolean getAsleep() {
        return waitingGetsTable().anyone();
    }

    /** How many times a process found the lock held by a dead process and recovered. */
    long recoveredFromDeadHolders() {
        return block.getLongVolatile(RECOVERED);
    }

    void taskDone() {
        checkOwner();
        lock();
        try {
            long done = block.getLongVolatile(DONE);
            if (done >= block.getLongVolatile(TAIL)) {
                throw new IllegalStateException("task_done() called too many times");
            }
            block.setLongRelease(DONE, done + 1);
        } finally {
            unlock();
        }
    }

    /** Waits until every item put has been marked done; false if the wait timed out. */
    boolean join(long timeoutNanos) {
        checkOwner();
        long deadline = deadline(true, timeoutNanos);
        Backoff backoff = new Backoff();
        while (block.getLongVolatile(DONE) < block.getLongVolatile(TAIL)) {
            if (!backoff.pause(deadline)) {
                return false;
            }
            checkOwner();
        }
        return true;
    }

    private static long deadline(boolean block, long timeoutNanos) {
        if (!block) {
            return System.nanoTime(); // one try: the first pause reports the deadline passed
        }
        return timeoutNanos < 0 ? Timeouts.NO_DEADLINE : System.nanoTime() + timeoutNanos;
    }

    private long slot(long seq) {
        return SLOTS + Math.floorMod(seq, (long) capacity) * SLOT_BYTES;
    }

    private void writeSlot(long seq, byte[] stored, boolean spilled) {
        long at = slot(seq);
        MemorySegment.copy(stored, 0, block.segment(), ValueLayout.JAVA_BYTE, at + Integer.BYTES, stored.length);
        block.setIntVolatile(at, spilled ? -stored.length : stored.length);
    }

    private void journal(long op, long seq) {
        block.setLongVolatile(JOURNAL_SEQ, seq);
        block.setLongVolatile(JOURNAL_OP, op);
    }

    private static void pauseForTests(String op) {
        java.util.function.Consumer<String> hook = insideCriticalSection;
        if (hook != null) {
            hook.accept(op);
        }
    }

    private void lock() {
        long[] lost = new long[1];
        while (true) {
            try {
                OwnerWord.acquire(block, LOCK, OwnerWord.myToken(), true, Timeouts.FOREVER, lockName(),
                        () -> lost[0] = recover());
                return;
            } catch (OwnerDiedException died) {
                System.err.println("mp4j: " + died.getMessage().replace("; the lock is free again,"
                        + " but what it guarded may be half-updated", "") + " inside " + journalWord(lost[0]));
                System.err.flush();
            }
        }
    }

    /** Built once: a put or get must not format a path each time it takes the lock. */
    private String lockName() {
        String name = lockName;
        if (name == null) {
            name = "the lock of " + this;
            lockName = name;
        }
        return name;
    }

    private void unlock() {
        block.setLongRelease(LOCK, 0);
    }

    /** Runs holding the lock taken over from a dead process: undoes its half-done operation. */
    private long recover() {
        long op = block.getLongVolatile(JOURNAL_OP);
        long seq = block.getLongVolatile(JOURNAL_SEQ);
        long lost = 0;
        if (op == OP_GET && block.getLongVolatile(HEAD) == seq + 1) {
            lost = OP_GET; // the item left the ring with the dead process: count it done for join()
            block.setLongRelease(DONE, block.getLongVolatile(DONE) + 1);
        } else if (op == OP_PUT && block.getLongVolatile(TAIL) == seq) {
            lost = OP_PUT; // its own item was never published
        } else if (op != OP_NONE) {
            lost = -op; // died after publishing: nothing lost
        }
        journal(OP_NONE, 0);
        block.getAndAddLong(RECOVERED, 1);
        return lost;
    }

    private static String journalWord(long lost) {
        if (lost == OP_GET) {
            return "get(): the item it was taking is lost (1 item)";
        }
        if (lost == OP_PUT) {
            return "put(): the item it was putting is lost (1 item)";
        }
        if (lost == -OP_GET || lost == -OP_PUT) {
            return (lost == -OP_GET ? "get()" : "put()") + " after it completed: no item lost";
        }
        return "the queue's lock, outside a put or get: no item lost";
    }

    /** The owner's death fails every user, as with the broker, checked at most every 50 ms. */
    private void checkOwner() {
        if (ownerPid == OwnerWord.PID) {
            return;
        }
        long now = System.nanoTime();
        if (now - nextOwnerCheck < 0) {
            return;
        }
        if (!OwnerWord.alive(ownerPid)) {
            throw new ConnectionClosedException("the process that owns the queue has exited (pid " + ownerPid + ")");
        }
        nextOwnerCheck = now + OwnerWord.OWNER_CHECK_MILLIS * 1_000_000;
    }

    private byte[] spill(byte[] item) {
        Path file = block.file().resolveSibling("spill-" + OwnerWord.PID + "-" + spillCounter.incrementAndGet());
        try {
            Files.write(file, item);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a large queue item to " + file, e);
        }
        return file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] unspill(byte[] name) {
        Path file = spillPath(name);
        try {
            byte[] item = Files.readAllBytes(file);
            Files.delete(file);
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a large queue item from " + file, e);
        }
    }

    private void deleteSpill(byte[] name) {
        try {
            Files.deleteIfExists(spillPath(name));
        } catch (IOException ignored) {
            // in the owner's private directory: removed with it
        }
    }

    private Path spillPath(byte[] name) {
        String fileName = new String(name, StandardCharsets.UTF_8);
        if (!fileName.startsWith("spill-") || fileName.contains("/")) {
            throw new IllegalStateException("corrupt queue slot: " + fileName);
        }
        return block.file().resolveSibling(fileName);
    }

    @Override
    public String toString() {
        return "queue " + block;
    }
}
