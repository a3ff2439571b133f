package dev.mp4j.asynciostyle.loop;

import dev.mp4j.launcher.timeline.Timeline;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * asyncio's {@code Task}: a {@link Future} that drives a {@link Coroutine}.
 *
 * <p>How a synchronous-looking body can suspend: the body runs on its own virtual thread (a
 * {@link Runner}, reused from task to task), but only while it holds the loop's baton. The loop thread hands the baton over for one step and parks until
 * it comes back; the body hands it back when it awaits an unfinished future (or returns). So exactly
 * one piece of code runs at a time, on behalf of the loop, as in asyncio; the handoff through a
 * volatile field orders every memory effect between steps. Cancelling a task throws
 * {@link CancelledError} out of the {@code await} it is suspended at.
 */
public final class Task<T> extends Future<T> {

    private static final ThreadLocal<Task<?>> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int LOOP = 0;
    private static final int TASK = 1;

    private final Coroutine<T> coro;
    private final String name;
    private Thread thread;
    private Runner runner;
    /** Who holds the baton: {@link #LOOP} or {@link #TASK}. The only field written by both sides. */
    private volatile int turn = LOOP;
    // Written by the task while it holds the baton, read by the loop once it is back (and vice versa).
    private Future<?> waitingOn;
    private boolean yieldOnly;
    private Throwable throwIn;
    private boolean mustCancel;
    private boolean finished;
    private boolean destroyed;
    private T outcome;
    private Throwable failure;
    /** The caller's future when the task came from another thread ({@code runCoroutineThreadsafe}). */
    CompletableFuture<T> foreign;

    Task(EventLoop loop, Coroutine<T> coro, String name) {
        super(loop);
        this.coro = coro;
        this.name = name != null ? name : "Task-" + COUNTER.incrementAndGet();
        if (Timeline.RECORDING) Timeline.begin(lane(), coro.name(), "task");
        loop.register(this);
        loop.schedule(this::step);
    }

    /** The task whose body is running on this thread, or null outside any task. */
    public static Task<?> current() {
        return CURRENT.get();
    }

    public String getName() {
        return name;
    }

    public Coroutine<T> getCoro() {
        return coro;
    }

    /**
     * Requests cancellation: a task not started yet never runs its body; a suspended one gets
     * {@link CancelledError} at its {@code await}. True unless the task is already done.
     */
    @Override
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        Future<?> waiter = waitingOn;
        if (waiter != null && waiter.cancel()) {
            // The waiter's callback wakes us and await() rethrows its CancelledError.
            return true;
        }
        mustCancel = true;
        return true;
    }

    // ---- loop side -------------------------------------------------------------------------------

    /** Runs the body until its next suspension point; called on the loop thread only. */
    void step() {
        if (isDone()) {
            return;
        }
        Throwable toThrow = null;
        if (mustCancel) {
            mustCancel = false;
            toThrow = new CancelledError();
        }
        if (thread == null) {
            if (toThrow != null) {
                markCancelled();   // cancelled before its first step: the body never runs
                return;
            }
            state = State.RUNNING;
            runner = loop.takeRunner();
            thread = runner.thread;
            pass(toThrow, true);
        } else {
            pass(toThrow, false);
        }
        afterStep();
    }

    private void pass(Throwable toThrow, boolean start) {
        throwIn = toThrow;
        if (Timeline.RECORDING) Timeline.begin(lane(), "step", "step");
        loop.enterStep(this);
        turn = TASK;
        if (start) {
            // Only now: a runner finishing its previous task may see the assignment at once, and
            // must find turn == TASK, or its hand-back would be overwritten and the loop wait forever.
            runner.assigned = this;
            runner.wake();
        } else {
            LockSupport.unpark(thread);
        }
        while (turn != LOOP) {
            LockSupport.park(this);
        }
        loop.leaveStep();
        if (Timeline.RECORDING) Timeline.end(lane(), "step", null, null);
    }

    private void afterStep() {
        if (finished) {
            loop.releaseRunner(runner);
            if (failure instanceof CancelledError) {
                markCancelled();
            } else if (failure != null) {
                setException(failure);
            } else {
                setResult(outcome);
            }
            return;
        }
        if (yieldOnly) {
            yieldOnly = false;
            loop.schedule(this::step);
            return;
        }
        Future<?> waiter = waitingOn;
        waiter.addDoneCallback(this::wakeup);
        if (mustCancel && waiter.cancel()) {
            mustCancel = false;
        }
    }

    private void wakeup(Future<?> awaited) {
        waitingOn = null;
        step();
    }

    /** Closes a suspended body (Python closes the coroutine: GeneratorExit at its await). */
    void destroy() {
        if (thread == null || finished) {
            return;
        }
        destroyed = true;
        pass(new CoroutineClosed(), false);
        runner.retire();
    }

    // ---- task side -------------------------------------------------------------------------------

    void body() {
        CURRENT.set(this);
        if (Timeline.RECORDING) Timeline.useLane(lane()); // what the body prints goes on the task's lane
        try {
            outcome = coro.call();
        } catch (Throwable error) {
            failure = error;
        } finally {
            CURRENT.remove();
            if (Timeline.RECORDING) Timeline.useLane(null);
            finished = true;
            Thread loopThread = loop.thread;
            turn = LOOP;
            LockSupport.unpark(loopThread);
        }
    }

    /** Called by {@link Future#await()} on the task's thread: hand the baton back until woken. */
    void suspendOn(Future<?> future) {
        if (Timeline.RECORDING) Timeline.instant(lane(), "await " + future.getClass().getSimpleName(), "await");
        waitingOn = future;
        handBack();
    }

    /** {@code await asyncio.sleep(0)}: let every other ready callback run once. */
    void yieldOnce() {
        yieldOnly = true;
        handBack();
    }

    private void handBack() {
        if (destroyed) {
            throw new CoroutineClosed();
        }
        Thread loopThread = loop.thread;
        turn = LOOP;
        LockSupport.unpark(loopThread);
        while (turn != TASK) {
            LockSupport.park(this);
        }
        Throwable error = throwIn;
        if (error != null) {
            throwIn = null;
            throw Sneaky.<RuntimeException>rethrow(error);
        }
    }

    // ---- completion ------------------------------------------------------------------------------

    @Override
    void onDone(boolean watched) {
        if (Timeline.RECORDING) Timeline.end(lane(), "task", "state", isCancelled() ? "cancelled" : peekException() != null ? "failed" : "done");
        loop.unregister(this);
        CompletableFuture<T> caller = foreign;
        // Someone blocked in get() or chained on the caller's future is watching; completing it clears that count.
        boolean callerWatching = caller != null && caller.getNumberOfDependents() > 0;
        if (caller != null) {
            if (isCancelled()) {
                caller.cancel(false);
            } else if (peekException() != null) {
                caller.completeExceptionally(peekException());
            } else {
                caller.complete(peekResult());
            }
        }
        if (!watched && !isCancelled() && peekException() != null) {
            // Nobody awaited it, gathered it or added a callback: give user code one more turn, then
            // report it instead of losing it (the article's PP43).
            loop.callSoon(() -> {
                if (!retrieved && !callerWatching) {
                    loop.callExceptionHandler(new EventLoop.ExceptionContext(
                            "Task exception was never retrieved", peekException(), this));
                }
            });
        }
    }

    /** The task's lane in a timeline. */
    private String lane() {
        return name + " " + coro.name();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("<Task ");
        State s = state;
        text.append(switch (s) {
            case PENDING, RUNNING -> "pending";
            case CANCELLED -> "cancelled";
            case DONE -> "finished";
        });
        text.append(" name='").append(name).append("' coro=<").append(coro.name()).append("()");
        if (s == State.RUNNING) {
            text.append(" running");
        } else if (s == State.DONE || s == State.CANCELLED) {
            text.append(" done");
        }
        text.append('>');
        Future<?> waiter = waitingOn;
        if (s == State.RUNNING && waiter != null && waiter != this) {
            text.append(" wait_for=").append(waiter);
        }
        if (s == State.DONE) {
            text.append(peekException() != null ? " exception=" + peekException() : " result=" + repr(peekResult()));
        }
        return text.append('>').toString();
    }

    /**
     * A virtual thread that runs task bodies one after another, so a task that never suspends costs
     * two baton handoffs and no thread start. Idle runners wait in their loop's pool.
     */
    static final class Runner implements Runnable {

        final Thread thread;
        /** The next task to run; written by the loop while this runner is idle. */
        volatile Task<?> assigned;
        private volatile boolean retired;
        private boolean started;

        Runner() {
            thread = Thread.ofVirtual().name("asyncio-task").unstarted(this);
        }

        /** Loop side: start or wake this runner for its assigned task. */
        void wake() {
            if (!started) {
                started = true;
                thread.start();
            } else {
                LockSupport.unpark(thread);
            }
        }

        /** Loop side: let the thread end once it is idle. */
        void retire() {
            retired = true;
            if (started) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (true) {
                Task<?> task;
                while ((task = assigned) == null) {
                    if (retired) {
                        return;
                    }
                    LockSupport.park(this);
                }
                assigned = null;
                task.body();
            }
        }
    }

    /** Thrown into a pending body when its loop is closed, so its finally blocks run and its thread ends. */
    static final class CoroutineClosed extends Error {
        CoroutineClosed() {
            super("coroutine closed: its event loop was closed while it was pending", null, false, false);
        }
    }
}
