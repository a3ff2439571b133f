package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import dev.mp4j.launcher.internal.Timeouts;
import dev.mp4j.launcher.internal.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.CancellationException;

/**
 * Python's {@code multiprocessing.Queue}: a FIFO queue that any process holding the handle can use.
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>();
 * q.put("11");
 * ChildProcess p = new ChildProcess(() -> q.put("22"));   // the handle travels with the target
 * p.start();
 * p.join();
 * q.getNowait();   // "11", then "22"
 * }</pre>
 *
 * <p>Items travel through a ring of slots in shared memory: every process that
 * holds the handle (captured by a target, or sent through a queue or pipe) puts and takes them itself,
 * with no message to the process that created the queue. A process killed in the middle of a put or a
 * get loses at most that item, and the next process to use the queue says so on stderr. An unbounded
 * queue holds up to 65,536 items at a time; past that a put waits for room. With
 * {@code -Dmp4j.queue=broker} the creating process keeps the items and other processes ask it for each
 * one. Items are serialized in {@link #put}, in the caller's thread,
 * so an item that cannot cross a process boundary fails there with {@link SerializationException};
 * the item is copied at that moment, as Python pickles it. If the owner process has died, operations
 * fail with {@link ConnectionClosedException} instead of hanging.
 *
 * <p>{@link #qsize()}, {@link #empty()} and {@link #full()} are approximate, as in Python: other
 * processes may put or take items before the answer is used. Timeouts are real seconds.
 *
 * @param <T> the type of the items
 */
public class Queue<T> implements SharedQueue<T>, Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;
    /** {@code -Dmp4j.queue=broker}: queues created in this JVM keep their items in the owner (the former transport). */
    static final String TRANSPORT_PROPERTY = "mp4j.queue";

    private final long id;
    private final int maxsize;
    private final RingQueue ring; // null: items live with the owner, reached through its broker
    private Address owner; // set when the handle first leaves its owner's process
    private transient volatile boolean closed;
    private transient QueueCore localCore;
    private transient QueueClient remote;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; {@code maxsize <= 0} means unbounded. */
    public Queue(int maxsize) {
        this(maxsize, overRingByDefault());
    }

    private static boolean overRingByDefault() {
        String transport = System.getProperty(TRANSPORT_PROPERTY, "ring");
        return switch (transport) {
            case "ring" -> true;
            case "broker" -> false;
            default -> throw new IllegalArgumentException("-D" + TRANSPORT_PROPERTY + " must be ring or broker, was " + transport);
        };
    }

    /** With {@code overRing}, items travel through a {@link RingQueue} in shared memory. */
    Queue(int maxsize, boolean overRing) {
        if (overRing) {
            this.ring = new RingQueue(Math.max(0, maxsize));
            this.maxsize = Math.max(0, maxsize);
            this.id = 0;
            return;
        }
        this.ring = null;
        QueueCore core = new QueueCore(Math.max(0, maxsize));
        this.maxsize = core.maxsize();
        this.id = IpcBroker.register(core);
        this.localCore = core;
    }

    /** A handle rebuilt in another process from the fields its owner wrote. */
    Queue(long id, int maxsize, RingQueue ring, Address owner) {
        this.id = id;
        this.maxsize = maxsize;
        this.ring = ring;
        this.owner = owner;
    }


    /** Puts {@code item}, waiting as long as it takes for room. */
    @Override
    public void put(T item) {
        putImpl(item, true, -1);
    }

    /**
     * Puts {@code item}. With {@code block} false, raises {@link Full} at once if there is no room;
     * otherwise waits up to {@code timeoutSeconds} (negative: 0) and then raises {@link Full}.
     */
    @Override
    public void put(T item, boolean block, double timeoutSeconds) {
        putImpl(item, block, nanos(timeoutSeconds));
    }

    /** Python's {@code put_nowait}: {@code put(item, false, 0)}. */
    @Override
    public void putNowait(T item) {
        putImpl(item, false, 0);
    }

    private void putImpl(T item, boolean block, long timeoutNanos) {
        checkOpen();
        byte[] bytes = ValueCodec.encode(item, "put into a queue");
        boolean put;
        QueueCore core = local();
        if (ring != null) {
            put = ring.put(bytes, block, timeoutNanos);
        } else if (core != null) {
            try {
                put = core.put(bytes, block, timeoutNanos);
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        } else if (maxsize == 0) {
            client().putAsync(bytes);
            put = true;
        } else {
            put = client().put(bytes, block, timeoutNanos);
        }
        if (!put) {
            throw new Full();
        }
    }

    /** Takes the oldest item, waiting as long as it takes for one. */
    @Override
    public T get() {
        return getImpl(true, -1);
    }

    /**
     * Takes the oldest item. With {@code block} false, raises {@link Empty} at once if there is none;
     * otherwise waits up to {@code timeoutSeconds} (negative: 0) and then raises {@link Empty}.
     */
    @Override
    public T get(boolean block, double timeoutSeconds) {
        return getImpl(block, nanos(timeoutSeconds));
    }

    /** Python's {@code get_nowait}: {@code get(false, 0)}. */
    @Override
    public T getNowait() {
        return getImpl(false, 0);
    }

    @SuppressWarnings("unchecked")
    private T getImpl(boolean block, long timeoutNanos) {
        checkOpen();
        byte[] bytes;
        QueueCore core = local();
        if (ring != null) {
            bytes = ring.get(block, timeoutNanos);
        } else if (core != null) {
            try {
                bytes = core.get(block, timeoutNanos);
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        } else {
            bytes = client().get(block, timeoutNanos);
        }
        if (bytes == null) {
            throw new Empty();
        }
        return (T) ValueCodec.decode(bytes);
    }

    /** The number of items in the queue; approximate, since other processes change it meanwhile. */
    @Override
    public int qsize() {
        checkOpen();
        if (ring != null) {
            return ring.size();
        }
        QueueCore core = local();
        return core != null ? core.size() : client().qsize();
    }

    /** Whether the queue is empty; approximate, like {@link #qsize()}. */
    @Override
    public boolean empty() {
        return qsize() == 0;
    }

    /** Whether the queue is full; approximate, like {@link #qsize()}. Never true for an unbounded queue. */
    @Override
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /** The capacity given at creation; 0 for unbounded. */
    public int maxsize() {
        return maxsize;
    }

    /**
     * Says this process will use this handle no more: items it put are delivered to the owner first,
     * then {@code put} and {@code get} on this handle raise IllegalStateException. Other handles, in
     * this process or others, are not affected (as in Python).
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ring == null && local() == null && owner != null) {
            try {
                client().sync();
            } catch (ConnectionClosedException ownerGone) {
                // nothing left to deliver to
            }
        }
    }

    /** Whether {@link #close()} was called on this handle. */
    public boolean closed() {
        return closed;
    }

    void taskDoneImpl() {
        checkOpen();
        QueueCore core = local();
        if (ring != null) {
            ring.taskDone();
        } else if (core != null) {
            core.taskDone();
        } else {
            client().taskDone();
        }
    }

    void joinImpl() {
        checkOpen();
        QueueCore core = local();
        if (ring != null) {
            ring.join(-1);
        } else if (core != null) {
            try {
                core.join(-1);
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        } else {
            client().join();
        }
    }

    /** In the owner: how many gets wait for an item (what a test waits for instead of a fixed pause). */
    int waitingGets() {
        if (ring != null) {
            return ring.waitingGets();
        }
        QueueCore core = local();
        if (core == null) {
            throw new IllegalStateException("only the owner of a queue sees its waiting gets");
        }
        return core.waitingGets();
    }

    /** With a ring: whether a get sleeps on the ring's futex word, in any process (what a test waits for). */
    boolean getAsleep() {
        return ring != null && ring.getAsleep();
    }

    /** With a ring: how many times a process found the queue's lock held by a dead process and recovered. */
    long recoveredFromDeadHolders() {
        return ring == null ? 0 : ring.recoveredFromDeadHolders();
    }

    private QueueCore local() {
        if (ring != null) {
            return null;
        }
        QueueCore core = localCore;
        if (core == null && remote == null) {
            core = IpcBroker.localQueue(id); // a copy that came back to its owner's process
            localCore = core;
        }
        return core;
    }

    private QueueClient client() {
        QueueClient client = remote;
        if (client == null) {
            client = QueueClient.of(id, owner);
            remote = client;
        }
        return client;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Queue is closed");
        }
    }

    /** {@link Timeouts#nanos} as the queue's core and wire take it: -1 for no limit. */
    static long nanos(double timeoutSeconds) {
        long nanos = Timeouts.nanos(timeoutSeconds);
        return nanos == Timeouts.NO_DEADLINE ? -1 : nanos;
    }

    private static CancellationException interrupted(InterruptedException e) {
        return Timeouts.interrupted(e, "a queue");
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        leaving();
        out.defaultWriteObject();
    }

    private void leaving() {
        if (owner == null && ring == null) {
            owner = IpcBroker.address(); // only the owner's handles lack it: start serving other processes
        }
    }

    /** A user's subclass has fields of its own, which only an object stream knows. */
    @Override
    public boolean writesItself() {
        return getClass() == Queue.class || getClass() == JoinableQueue.class;
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        leaving();
        out.writeByte(this instanceof JoinableQueue ? HandleKinds.JOINABLE_QUEUE : HandleKinds.QUEUE);
        out.writeLong(id);
        out.writeInt(maxsize);
        out.writeBoolean(ring != null);
        if (ring != null) {
            ring.write(out);
        }
        HandleCodec.writeOptional(owner, out);
    }

    static Queue<?> readHandle(DataInput in, boolean joinable) throws IOException {
        long id = in.readLong();
        int maxsize = in.readInt();
        RingQueue ring = in.readBoolean() ? RingQueue.read(in) : null;
        Address owner = HandleCodec.readField(in, Address.class);
        return joinable ? new JoinableQueue<>(id, maxsize, ring, owner) : new Queue<>(id, maxsize, ring, owner);
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + (maxsize > 0 ? " maxsize=" + maxsize : "") + (closed ? " closed" : "") + ">";
    }
}
