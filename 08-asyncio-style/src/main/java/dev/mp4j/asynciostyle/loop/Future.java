package dev.mp4j.asynciostyle.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * asyncio's {@code Future}: a result that will exist later. Its state and callbacks belong to one
 * {@link EventLoop}; done callbacks run on the loop's thread, scheduled with {@code callSoon} when
 * the future completes (never inline), as in asyncio.
 *
 * <p>Inside a task, {@link #await()} suspends the task until this future is done and returns its
 * result; that is Python's {@code await fut}, written as an ordinary call (PP34).
 */
public class Future<T> {

    /** The article's four states: Pending, Running (tasks only), Done, Cancelled. */
    public enum State { PENDING, RUNNING, DONE, CANCELLED }

    final EventLoop loop;
    volatile State state = State.PENDING;
    private T result;
    private Throwable exception;
    private List<Consumer<? super Future<T>>> callbacks;
    /** Set when user code looked at the outcome; an exception nobody looked at is reported. */
    volatile boolean retrieved;

    public Future(EventLoop loop) {
        this.loop = loop;
    }

    public final EventLoop getLoop() {
        return loop;
    }

    public final State state() {
        return state;
    }

    public final boolean isDone() {
        State s = state;
        return s == State.DONE || s == State.CANCELLED;
    }

    public final boolean isCancelled() {
        return state == State.CANCELLED;
    }

    /** The result; throws the coroutine's own exception, {@link CancelledError}, or InvalidStateError. */
    public final T result() {
        switch (state) {
            case CANCELLED -> throw new CancelledError();
            case DONE -> {
                retrieved = true;
                if (exception != null) {
                    throw Sneaky.<RuntimeException>rethrow(exception);
                }
                return result;
            }
            default -> throw new InvalidStateError("Result is not ready.");
        }
    }

    /** The exception the future finished with, or null. */
    public final Throwable exception() {
        switch (state) {
            case CANCELLED -> throw new CancelledError();
            case DONE -> {
                retrieved = true;
                return exception;
            }
            default -> throw new InvalidStateError("Exception is not set.");
        }
    }

    /** Outcome access for the loop's own plumbing; does not count as user code looking. */
    final Throwable peekException() {
        return exception;
    }

    final T peekResult() {
        return result;
    }

    public void setResult(T value) {
        if (isDone()) {
            throw new InvalidStateError("invalid state: " + state);
        }
        result = value;
        state = State.DONE;
        scheduleCallbacks();
    }

    public void setException(Throwable error) {
        if (isDone()) {
            throw new InvalidStateError("invalid state: " + state);
        }
        if (error instanceof CancelledError) {
            markCancelled();
            return;
        }
        exception = error;
        state = State.DONE;
        scheduleCallbacks();
    }

    /** Cancels a pending future and schedules its callbacks; false when it is already done. */
    public boolean cancel() {
        return markCancelled();
    }

    /** The plain future's cancel; subclasses that cancel something else first end up here. */
    final boolean markCancelled() {
        if (isDone()) {
            return false;
        }
        state = State.CANCELLED;
        scheduleCallbacks();
        return true;
    }

    /**
     * Calls {@code callback(future)} on the loop thread once this future is done (at once, through
     * {@code callSoon}, if it already is). The future passed is this very object.
     */
    public final void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (isDone()) {
            loop.schedule(() -> callback.accept(this));
        } else {
            if (callbacks == null) {
                callbacks = new ArrayList<>(2);
            }
            callbacks.add(callback);
        }
    }

    /**
     * The article's {@code add_done_callback(functools.partial(callback, 2))}: the extra argument
     * comes first, the future last.
     */
    public final <A> void addDoneCallback(BiConsumer<? super A, ? super Future<T>> callback, A argument) {
        addDoneCallback(Functools.partial(callback, argument));
    }

    public final boolean removeDoneCallback(Consumer<? super Future<T>> callback) {
        return callbacks != null && callbacks.remove(callback);
    }

    final boolean hasCallbacks() {
        return callbacks != null && !callbacks.isEmpty();
    }

    private void scheduleCallbacks() {
        List<Consumer<? super Future<T>>> toRun = callbacks;
        callbacks = null;
        if (toRun != null) {
            for (Consumer<? super Future<T>> callback : toRun) {
                loop.schedule(() -> callback.accept(this));
            }
        }
        onDone(toRun != null && !toRun.isEmpty());
    }

    /** Hook run right after the state became final; {@code watched} tells whether callbacks were waiting. */
    void onDone(boolean watched) {
    }

    /**
     * Python's {@code await fut}: inside a task, suspends it until this future is done, letting the
     * loop run other tasks, then returns the result or throws the future's exception. If the task is
     * cancelled meanwhile, {@link CancelledError} is thrown here.
     */
    public T await() {
        Task<?> current = Task.current();
        if (current == null) {
            throw new IllegalStateException("await outside a task: call it inside a coroutine the loop runs");
        }
        if (current.loop != loop) {
            throw new IllegalStateException("Task " + current + " got Future " + this + " attached to a different loop");
        }
        if (!isDone()) {
            current.suspendOn(this);
        }
        return result();
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + describe() + ">";
    }

    String describe() {
        return switch (state) {
            case PENDING, RUNNING -> "pending";
            case CANCELLED -> "cancelled";
            case DONE -> exception != null ? "finished exception=" + exception : "finished result=" + repr(result);
        };
    }

    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof CharSequence text) {
            return "'" + text + "'";
        }
        return String.valueOf(value);
    }
}
