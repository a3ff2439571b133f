package dev.mp4j.coroutines.gevent;

import dev.mp4j.launcher.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Python's {@code greenlet}: a coroutine that runs only when another one {@linkplain #switchTo(Object)
 * switches} to it, and resumes exactly where it left off.
 *
 * <p>Each greenlet is a virtual thread, and a baton passes between the greenlets of one family (the
 * greenlets created from one main thread): a greenlet runs only while it holds the baton, and
 * {@code switchTo} hands the baton over and parks until someone hands it back. So exactly one greenlet
 * of a family runs at a time, as in CPython, and the order of everything they do is fixed by the code.
 *
 * <p>Semantics follow the greenlet package: the first switch into a greenlet calls its function with
 * the switched value; a later switch makes the target's own pending {@code switchTo} return that value;
 * when a function returns, its result is switched to the {@linkplain #parent() parent} (the greenlet
 * current at creation); an exception leaving the function is raised in the parent instead, except
 * {@link GreenletExit}, whose instance is handed to the parent as a value; switching to a dead greenlet
 * goes to its parent. The main greenlet of a thread is created the first time that thread uses the API.
 *
 * <p>Where Java differs: a greenlet is a thread of its own, so a {@link ThreadLocal} set in one greenlet
 * is not seen by the others (in Python, {@code threading.local} is shared by a thread's greenlets).
 */
public final class Greenlet {

    private static final ThreadLocal<Greenlet> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private enum State { NEW, STARTED, DEAD }

    private final Function<Object, Object> run;
    private final Greenlet parent;
    private final Greenlet root;
    private final String name;
    /** Where the timeline draws this greenlet running: a main greenlet on its thread's lane. */
    private final String lane;
    private volatile State state;
    private volatile Thread thread;

    /** The baton: set by whoever hands control to this greenlet, cleared by this greenlet when it takes it. */
    private volatile boolean baton;
    /** What the hand-over carries; written before {@link #baton} is set, read after it is seen set. */
    private Object transfer;

    /** Callbacks run by this greenlet just before it dies (gevent's {@code rawlink}); touched only under the baton. */
    private List<Runnable> links;
    /** Package-private slot for the gevent hub of a family; used on main greenlets only. */
    Hub hub;

    /** A greenlet that runs {@code run} on its first switch; its parent is the current greenlet. */
    public Greenlet(Runnable run) {
        this(asFunction(run), getCurrent());
    }

    /** A greenlet that calls {@code run} with the first switched value and hands its result to the parent. */
    public Greenlet(Function<Object, Object> run) {
        this(run, getCurrent());
    }

    /** Like {@link #Greenlet(Runnable)} with an explicit parent of the same family. */
    public Greenlet(Runnable run, Greenlet parent) {
        this(asFunction(run), parent);
    }

    private Greenlet(Function<Object, Object> run, Greenlet parent) {
        this.run = Objects.requireNonNull(run, "run");
        this.parent = Objects.requireNonNull(parent, "parent");
        this.root = parent.root;
        this.name = "greenlet-" + COUNTER.incrementAndGet();
        this.lane = name;
        this.state = State.NEW;
    }

    /** The main greenlet of the calling (non-greenlet) thread. */
    private Greenlet(Thread thread) {
        this.run = null;
        this.parent = null;
        this.root = this;
        this.name = "main greenlet of " + thread.getName();
        this.lane = Timeline.RECORDING ? Timeline.lane() : null; // read by the timeline only
        this.thread = thread;
        this.state = State.STARTED;
    }

    private static Function<Object, Object> asFunction(Runnable run) {
        Objects.requireNonNull(run, "run");
        return ignored -> {
            run.run();
            return null;
        };
    }

    /** The greenlet now running on this thread; a thread that is not a greenlet becomes its own main greenlet. */
    public static Greenlet getCurrent() {
        Greenlet current = CURRENT.get();
        if (current == null) {
            current = new Greenlet(Thread.currentThread());
            CURRENT.set(current);
        }
        return current;
    }

    /** {@code gr.switch()}: runs this greenlet until something switches back; returns what was switched back. */
    public Object switchTo() {
        return switchTo(null);
    }

    /** {@code gr.switch(value)}: hands {@code value} and control to this greenlet (or its nearest live ancestor). */
    public Object switchTo(Object value) {
        return transferTo(value);
    }

    /**
     * {@code gr.throw(error)}: raises {@code error} in this greenlet where it is suspended (before its
     * function starts, if it has not started) and switches to it.
     */
    public Object throwInto(Throwable error) {
        return transferTo(new Failure(Objects.requireNonNull(error, "error")));
    }

    /**
     * Ends a suspended greenlet by raising {@link GreenletExit} in it, as CPython does when it collects
     * one; a greenlet that never started just becomes dead. Like {@link #throwInto}, control then goes
     * to the dying greenlet's parent, so this returns when the caller is that parent (or is switched to
     * later). Greenlets spawned on a hub are killed with {@link Gevent#kill} instead.
     */
    public void kill() {
        if (state == State.NEW) {
            runLinks();
            state = State.DEAD;
            return;
        }
        if (this == getCurrent()) {
            throw new GreenletExit(); // killing oneself ends oneself here and now
        }
        if (state == State.STARTED) {
            throwInto(new GreenletExit());
        }
    }

    /** True once the function has returned or raised (or a never-started greenlet was killed). */
    public boolean isDead() {
        return state == State.DEAD;
    }

    /** True once started and until dead (Python's {@code bool(gr)}). */
    public boolean isActive() {
        return state == State.STARTED;
    }

    /** The greenlet that receives this one's result when it dies; null for a main greenlet. */
    public Greenlet parent() {
        return parent;
    }

    @Override
    public String toString() {
        return "<" + name + " " + state.name().toLowerCase() + ">";
    }

    // ---- package-private hooks for the gevent hub ----------------------------------------------

    /** Runs {@code callback} in this greenlet just before it dies. Only under the baton. */
    void link(Runnable callback) {
        if (links == null) {
            links = new ArrayList<>();
        }
        links.add(callback);
    }

    /** The main greenlet of this greenlet's family. */
    Greenlet root() {
        return root;
    }

    private void runLinks() {
        if (links != null) {
            for (Runnable link : links) {
                link.run();
            }
            links = null;
        }
    }

    /** Hands control to this greenlet without waiting for it to come back (the caller keeps running, holding nothing). */
    void release(Object value) {
        target(getCurrent()).handOver(value);
    }

    /** Unparks this greenlet's thread if it waits for something other than the baton (the hub's idle wait). */
    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits, in the current greenlet, until control is handed back; returns the handed value. */
    static Object awaitControl() {
        return getCurrent().awaitBaton();
    }

    // ---- the baton -------------------------------------------------------------------------------

    private Object transferTo(Object value) {
        Greenlet self = getCurrent();
        Greenlet target = target(self);
        if (target == self) {
            return unwrap(value);
        }
        target.handOver(value);
        return self.awaitBaton();
    }

    /** This greenlet, or its nearest live ancestor if it is dead; refuses another family's greenlets. */
    private Greenlet target(Greenlet self) {
        if (root != self.root) {
            throw new IllegalStateException("cannot switch to " + this + " from " + self
                    + ": it belongs to another thread's greenlets");
        }
        Greenlet target = this;
        while (target.state == State.DEAD) {
            target = target.parent;
        }
        return target;
    }

    private void handOver(Object value) {
        if (Timeline.RECORDING) Timeline.switchTo(lane, "greenlet");
        transfer = value;
        if (state == State.NEW) {
            state = State.STARTED;
            Thread started = Thread.ofVirtual().name(name).unstarted(this::body);
            thread = started;
            baton = true;
            started.start();
        } else {
            baton = true;
            LockSupport.unpark(thread);
        }
    }

    private Object awaitBaton() {
        boolean interrupted = false;
        while (!baton) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true; // a greenlet resumes only by a switch; keep the flag for later
            }
        }
        baton = false;
        Object value = transfer;
        transfer = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return unwrap(value);
    }

    private static Object unwrap(Object value) {
        if (value instanceof Failure(Throwable error)) {
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (error instanceof Error fatal) {
                throw fatal;
            }
            throw new IllegalStateException(error);
        }
        return value;
    }

    private void body() {
        CURRENT.set(this);
        Object outcome;
        try {
            Object argument = awaitBaton(); // already ours: it carries the first switch's value
            outcome = run.apply(argument);
        } catch (GreenletExit exit) {
            outcome = exit;
        } catch (Throwable error) {
            outcome = new Failure(error);
        }
        runLinks();
        state = State.DEAD;
        Greenlet next = parent;
        while (next.state == State.DEAD) {
            next = next.parent;
        }
        next.handOver(outcome); // this thread ends here; the parent carries on
    }

    /** An exception travelling with the baton, raised where the receiver resumes. */
    private record Failure(Throwable error) {
    }
}
