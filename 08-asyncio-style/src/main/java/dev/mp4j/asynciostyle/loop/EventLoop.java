package dev.mp4j.asynciostyle.loop;

import dev.mp4j.launcher.Time;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * asyncio's event loop: one thread runs it, and every callback and every task step runs on its
 * behalf, one at a time. Callbacks run on the loop thread itself; a task step runs on the task's
 * virtual thread while the loop thread waits for the baton to come back (see {@link Task}).
 *
 * <p>Like asyncio, the loop is not thread-safe: from another thread use
 * {@link #callSoonThreadsafe(Runnable)} and {@link #runCoroutineThreadsafe(Coroutine)}. The one
 * exception kept on purpose is {@link #stop()}, which, as in Python, only sets a flag: called from
 * another thread it does not wake an idle loop (the article's A20); schedule it with
 * {@code callSoonThreadsafe(loop::stop)} instead.
 */
public final class EventLoop implements AutoCloseable {

    /** What an exception handler receives: asyncio's context dict, as a record. */
    public record ExceptionContext(String message, Throwable exception, Future<?> future) {
    }

    /** asyncio's {@code loop.set_exception_handler(handler)}. */
    @FunctionalInterface
    public interface ExceptionHandler {
        void handle(EventLoop loop, ExceptionContext context);
    }

    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Handle> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Handle> timers = new PriorityQueue<>();
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    /** The thread running the loop, null while it is not running. */
    volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean interruptRequested;
    private volatile boolean closed;
    private Task<?> stepping;
    /** Idle task runners (loop side only); a busy one belongs to its task until the task ends. */
    private final ArrayDeque<Task.Runner> idleRunners = new ArrayDeque<>();
    private static final int MAX_IDLE_RUNNERS = 256;
    private volatile ExceptionHandler exceptionHandler;

    // ---- running ---------------------------------------------------------------------------------

    /**
     * Runs until {@link #stop()}; a stop requested before the call makes it run one iteration.
     *
     * <p>Called on a platform thread, the loop itself runs on a virtual thread (named
     * {@code asyncio-loop}) while the caller waits: handing the baton between virtual threads costs a
     * fraction of waking a platform thread. Interrupting the waiting caller is Ctrl+C for the loop.
     */
    public void runForever() {
        checkClosed();
        if (Asyncio.runningLoopOrNull() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
        if (Thread.currentThread().isVirtual()) {
            claim(Thread.currentThread());
            runHere();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread driver = Thread.ofVirtual().name("asyncio-loop").unstarted(() -> {
            try {
                runHere();
            } catch (Throwable error) {
                failure[0] = error;
            }
        });
        claim(driver);
        driver.start();
        boolean interrupted = false;
        while (true) {
            try {
                driver.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw Sneaky.<RuntimeException>rethrow(failure[0]);
        }
    }

    private synchronized void claim(Thread runner) {
        if (thread != null) {
            throw new IllegalStateException("This event loop is already running");
        }
        thread = runner;
    }

    private void runHere() {
        RUNNING.set(this);
        try {
            while (true) {
                runOnce();
                if (interruptRequested) {
                    interruptRequested = false;
                    throw new KeyboardInterrupt();
                }
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            RUNNING.remove();
            thread = null;
        }
    }

    /**
     * Runs until {@code future} is done and returns its result (or throws its exception). Python's
     * {@code run_until_complete}: the loop stops as soon as the future is done, other tasks stay
     * where they are.
     */
    public <T> T runUntilComplete(Future<T> future) {
        checkClosed();
        if (future.loop != this) {
            throw new IllegalArgumentException("The future belongs to a different loop than the one specified");
        }
        java.util.function.Consumer<Future<T>> stopper = done -> stop();
        future.addDoneCallback(stopper);
        try {
            runForever();
        } finally {
            future.removeDoneCallback(stopper);
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /** Wraps {@code coroutine} in a task and runs it to completion, as Python does for a coroutine. */
    public <T> T runUntilComplete(Coroutine<T> coroutine) {
        return runUntilComplete(createTask(coroutine));
    }

    /**
     * Asks the loop to stop after the callbacks already ready. Not thread-safe, as in Python: from
     * another thread use {@code callSoonThreadsafe(loop::stop)}, or an idle loop never notices.
     */
    public void stop() {
        stopping = true;
    }

    /**
     * Ctrl+C for this loop: thread-safe; makes {@code runForever}/{@code runUntilComplete} throw
     * {@link KeyboardInterrupt} in the thread running them, leaving every task where it is.
     */
    public void interrupt() {
        interruptRequested = true;
        wake();
    }

    public boolean isRunning() {
        return thread != null;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The thread running the loop now, or null. */
    public Thread thread() {
        return thread;
    }

    /**
     * True when the caller runs on the loop's behalf: on the loop thread, or inside the task that
     * holds the baton right now.
     */
    public boolean inLoop() {
        Thread running = thread;
        if (running == null) {
            return false;
        }
        if (running == Thread.currentThread()) {
            return true;
        }
        Task<?> current = Task.current();
        return current != null && current == stepping;
    }

    /**
     * Closes the loop. Tasks still pending are reported to the exception handler
     * ("Task was destroyed but it is pending!") and their coroutines closed, so nothing is lost
     * silently and no thread is left parked.
     */
    @Override
    public void close() {
        if (thread != null) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        closed = true;
        List<Task<?>> pending = new ArrayList<>(tasks);
        thread = Thread.currentThread();
        try {
            for (Task<?> task : pending) {
                if (!task.isDone()) {
                    callExceptionHandler(new ExceptionContext("Task was destroyed but it is pending!", null, task));
                    task.destroy();
                }
            }
        } finally {
            thread = null;
        }
        for (Task.Runner runner : idleRunners) {
            runner.retire();
        }
        idleRunners.clear();
        tasks.clear();
        ready.clear();
        timers.clear();
        incoming.clear();
    }

    private void runOnce() {
        long timeoutNanos;
        if (!ready.isEmpty() || stopping || interruptRequested) {
            timeoutNanos = 0;
        } else if (!timers.isEmpty()) {
            timeoutNanos = Math.max(0, timers.peek().when - System.nanoTime());
        } else {
            timeoutNanos = -1;
        }
        if (timeoutNanos != 0 && incoming.isEmpty()) {
            // The "select" of this loop: wake on a thread-safe call, an interrupt or the next timer.
            if (timeoutNanos < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, timeoutNanos);
            }
        }
        for (Handle handle; (handle = incoming.poll()) != null; ) {
            ready.add(handle);
        }
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().when <= now) {
            Handle due = timers.poll();
            if (!due.cancelled()) {
                ready.add(due);
            }
        }
        // Only what was ready at the start of this iteration; callbacks they add wait for the next.
        for (int n = ready.size(); n > 0; n--) {
            Runnable callback = ready.poll();
            try {
                callback.run();
            } catch (Throwable error) {
                callExceptionHandler(new ExceptionContext("Exception in callback " + callback, error, null));
            }
        }
    }

    // ---- scheduling ------------------------------------------------------------------------------

    /** Runs {@code callback} on the loop thread in a later iteration; for the loop's own thread. */
    public Handle callSoon(Runnable callback) {
        checkThread("callSoon");
        Handle handle = new Handle(callback, 0);
        ready.add(handle);
        return handle;
    }

    /** Runs {@code callback} after {@code seconds} (article seconds, scaled like {@link Time#sleep}). */
    public Handle callLater(double seconds, Runnable callback) {
        checkThread("callLater");
        Handle handle = new Handle(callback, System.nanoTime() + Time.scaled(seconds).toNanos());
        timers.add(handle);
        return handle;
    }

    /** {@code call_soon_threadsafe}: any thread may call it; it wakes the loop. */
    public Handle callSoonThreadsafe(Runnable callback) {
        checkClosed();
        Handle handle = new Handle(callback, 0);
        incoming.add(handle);
        wake();
        return handle;
    }

    /**
     * {@code asyncio.run_coroutine_threadsafe(coro, loop)}: schedules the coroutine from any thread
     * and returns a future the caller can block on. If the coroutine fails, the future fails with the
     * coroutine's own exception (as the cause of {@code get()}'s ExecutionException); cancelling the
     * future cancels the task.
     */
    public <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine) {
        Task<?>[] created = new Task<?>[1];
        // Cancelling the caller's future cancels the task. An override, not a whenComplete: a
        // dependent stage of our own would look like a caller waiting for the result.
        CompletableFuture<T> caller = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                if (cancelled && !closed) {
                    callSoonThreadsafe(() -> {
                        if (created[0] != null) {
                            created[0].cancel();
                        }
                    });
                }
                return cancelled;
            }
        };
        callSoonThreadsafe(() -> {
            if (caller.isDone()) {
                return;   // cancelled before the loop got to it
            }
            Task<T> task = createTask(coroutine);
            task.foreign = caller;
            created[0] = task;
        });
        return caller;
    }

    /**
     * {@code asyncio.wrap_future}: a loop future that follows a {@link CompletionStage} completed by
     * any thread (an {@code HttpClient.sendAsync}, a {@code CompletableFuture}), so a task can await
     * it. The outcome arrives through {@link #callSoonThreadsafe}; cancelling the loop future cancels
     * the stage.
     */
    public <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        Future<T> future = createFuture();
        CompletableFuture<T> source = stage.toCompletableFuture();
        source.whenComplete((value, error) -> callSoonThreadsafe(() -> {
            if (future.isDone()) {
                return;
            }
            if (error == null) {
                future.setResult(value);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof java.util.concurrent.CancellationException) {
                    future.cancel();
                } else {
                    future.setException(cause);
                }
            }
        }));
        future.addDoneCallback(done -> {
            if (done.isCancelled()) {
                source.cancel(false);
            }
        });
        return future;
    }

    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        checkThread("createTask");
        return new Task<>(this, coroutine, name);
    }

    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    /** The tasks of this loop that are not done yet, in creation order. */
    public Set<Task<?>> allTasks() {
        return new LinkedHashSet<>(tasks);
    }

    /** Monotonic time in seconds, like {@code loop.time()}. */
    public double time() {
        return System.nanoTime() / 1e9;
    }

    // ---- exceptions ------------------------------------------------------------------------------

    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /** Passes {@code context} to the handler, or to the default one, which prints it to stderr. */
    public void callExceptionHandler(ExceptionContext context) {
        ExceptionHandler handler = exceptionHandler;
        if (handler == null) {
            defaultExceptionHandler(context);
            return;
        }
        try {
            handler.handle(this, context);
        } catch (Throwable error) {
            defaultExceptionHandler(new ExceptionContext("Unhandled error in exception handler", error, context.future()));
        }
    }

    /** asyncio's default: the message, the future's repr and the stack trace, on stderr. */
    public void defaultExceptionHandler(ExceptionContext context) {
        StringBuilder text = new StringBuilder(context.message());
        if (context.future() != null) {
            text.append('\n').append(context.future() instanceof Task ? "task: " : "future: ").append(context.future());
        }
        System.err.println(text);
        if (context.exception() != null) {
            context.exception().printStackTrace();
        }
    }

    // ---- package plumbing ------------------------------------------------------------------------

    /** callSoon for the loop's own plumbing: already on the loop's side, no handle needed. */
    void schedule(Runnable callback) {
        ready.add(callback);
    }

    Task.Runner takeRunner() {
        Task.Runner runner = idleRunners.pollLast();
        return runner != null ? runner : new Task.Runner();
    }

    void releaseRunner(Task.Runner runner) {
        if (closed || idleRunners.size() >= MAX_IDLE_RUNNERS) {
            runner.retire();
        } else {
            idleRunners.addLast(runner);
        }
    }

    void register(Task<?> task) {
        tasks.add(task);
    }

    void unregister(Task<?> task) {
        tasks.remove(task);
    }

    void enterStep(Task<?> task) {
        stepping = task;
    }

    void leaveStep() {
        stepping = null;
    }

    static EventLoop runningOnThisThread() {
        return RUNNING.get();
    }

    private void wake() {
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    private void checkClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    private void checkThread(String operation) {
        checkClosed();
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            Task<?> current = Task.current();
            if (current == null || current.loop != this) {
                throw new IllegalStateException("Non-thread-safe operation " + operation
                        + " invoked on an event loop other than the current one; use callSoonThreadsafe or runCoroutineThreadsafe");
            }
        }
    }
}
