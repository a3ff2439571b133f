package dev.mp4j.coroutines.gevent;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import dev.mp4j.launcher.Time;

/**
 * gevent's hub: a greenlet running the loop that decides who runs next. Greenlets give control to the
 * hub when they sleep, wait or start IO; the hub switches to whichever is ready first: greenlets just
 * spawned or yielding with {@code sleep(0)} (in order), then expired sleeps (in order of deadline),
 * then greenlets whose IO finished. Only one greenlet of the family runs at a time, so orderings are
 * as deterministic as in gevent.
 *
 * <p>There is one hub per main greenlet (per thread that uses {@link Gevent}), created on first use.
 * Everything here runs under the family's baton, so plain collections suffice, except the queue that
 * IO completions use to come back from outside the baton.
 */
public final class Hub {

    private final Greenlet main;
    private final Greenlet loop;
    private final Queue<Greenlet> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparingLong(Timer::deadline).thenComparingLong(Timer::sequence));
    private final Queue<Greenlet> ioDone = new ConcurrentLinkedQueue<>();
    private final java.util.Set<Greenlet> toKill = new java.util.HashSet<>();
    private int ioInFlight;
    private long sequence;

    private Hub(Greenlet main) {
        this.main = main;
        this.loop = new Greenlet(this::run, main);
    }

    /** The hub of the current greenlet's family, created on first use (gevent's {@code get_hub()}). */
    static Hub current() {
        Greenlet root = Greenlet.getCurrent().root();
        if (root.hub == null) {
            root.hub = new Hub(root);
        }
        return root.hub;
    }

    /**
     * Ends the hub greenlet; the next use of {@link Gevent} in this thread creates a fresh hub. Greenlets
     * still sleeping or waiting are not resumed (as with gevent's {@code hub.destroy()}).
     */
    public void destroy() {
        if (Greenlet.getCurrent() != main) {
            throw new IllegalStateException("destroy() the hub from its main greenlet");
        }
        loop.kill();
        if (main.hub == this) {
            main.hub = null;
        }
    }

    /** Greenlets waiting in the hub's queues (ready, sleeping, or in IO): 0 once everything is joined. */
    public int pending() {
        return ready.size() + timers.size() + ioInFlight;
    }

    // ---- what Gevent's functions do --------------------------------------------------------------

    Greenlet spawn(Runnable run) {
        Greenlet spawned = new Greenlet(() -> runReporting(run), loop);
        ready.add(spawned);
        return spawned;
    }

    void joinAll(Collection<Greenlet> greenlets) {
        Greenlet self = callerOtherThanHub("joinall");
        List<Greenlet> alive = greenlets.stream().filter(g -> !g.isDead()).toList();
        if (alive.isEmpty()) {
            return;
        }
        int[] remaining = {alive.size()};
        boolean[] abandoned = {false};
        for (Greenlet greenlet : alive) {
            // Runs in the dying greenlet, under the baton: the last one to die makes the joiner ready.
            greenlet.link(() -> {
                if (--remaining[0] == 0 && !abandoned[0]) {
                    ready.add(self);
                }
            });
        }
        try {
            loop.switchTo();
        } finally {
            abandoned[0] = remaining[0] > 0; // left by LoopExit or a kill: later deaths must not resume us
        }
    }

    void kill(Greenlet greenlet) {
        Greenlet self = callerOtherThanHub("kill");
        if (greenlet.isDead() || greenlet == self) {
            if (greenlet == self) {
                throw new GreenletExit();
            }
            return;
        }
        if (!greenlet.isActive()) {
            greenlet.kill(); // never started: just dead (its joiners are told)
            return;
        }
        // The hub raises GreenletExit in it the next time it runs; a greenlet inside io() dies when its call returns.
        timers.removeIf(timer -> timer.greenlet() == greenlet);
        toKill.add(greenlet);
        ready.add(greenlet);
        joinAll(List.of(greenlet));
    }

    void sleep(double seconds) {
        Greenlet self = callerOtherThanHub("sleep");
        if (seconds == 0) {
            ready.add(self); // gevent.sleep(0): let every other ready greenlet run first
        } else {
            timers.add(new Timer(System.nanoTime() + Time.scaled(seconds).toNanos(), sequence++, self));
        }
        loop.switchTo();
    }

    <T> T io(Callable<T> blockingCall) throws Exception {
        Greenlet self = callerOtherThanHub("io");
        ioInFlight++;
        loop.release(null); // the others run while this virtual thread blocks (and frees its carrier)
        T result = null;
        Exception failure = null;
        try {
            result = blockingCall.call();
        } catch (Exception e) {
            failure = e;
        } finally {
            ioDone.add(self);
            loop.wake();
        }
        Greenlet.awaitControl(); // back under the baton, in the hub's order
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private Greenlet callerOtherThanHub(String what) {
        Greenlet self = Greenlet.getCurrent();
        if (self == loop) {
            throw new IllegalStateException(what + "() cannot be called from the hub itself");
        }
        return self;
    }

    private static void runReporting(Runnable run) {
        try {
            run.run();
        } catch (GreenletExit exit) {
            throw exit;
        } catch (RuntimeException | Error failure) {
            // As gevent does: the failure is printed and this greenlet dies; the others go on.
            failure.printStackTrace();
            System.err.println(Greenlet.getCurrent() + " failed with " + failure.getClass().getSimpleName());
        }
    }

    // ---- the loop --------------------------------------------------------------------------------

    private void run() {
        while (true) {
            Greenlet next = nextToRun();
            if (next == null) {
                main.throwInto(new LoopExit("This operation would block forever: no greenlet is ready, sleeping or in IO"));
            } else if (toKill.remove(next)) {
                next.throwInto(new GreenletExit());
            } else if (!next.isDead()) {
                next.switchTo();
            }
        }
    }

    /** The next greenlet to resume, waiting for a timer or an IO completion if need be; null if none can come. */
    private Greenlet nextToRun() {
        while (true) {
            for (Greenlet done; (done = ioDone.poll()) != null; ) {
                ioInFlight--;
                ready.add(done);
            }
            long now = System.nanoTime();
            while (!timers.isEmpty() && timers.peek().deadline() - now <= 0) {
                ready.add(timers.poll().greenlet());
            }
            Greenlet next = ready.poll();
            if (next != null) {
                return next;
            }
            if (timers.isEmpty() && ioInFlight == 0) {
                return null;
            }
            if (timers.isEmpty()) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, timers.peek().deadline() - now);
            }
            Thread.interrupted(); // the hub is woken by IO completions and timers only
        }
    }

    private record Timer(long deadline, long sequence, Greenlet greenlet) {
    }
}
