package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.Timeouts;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Python's {@code multiprocessing.pool.AsyncResult}: the result of {@link Pool#applyAsync} or
 * {@link Pool#mapAsync}, ready once a worker has sent it back and its callback (if any) has run.
 *
 * <p>{@link #get()} returns the value or re-raises the task's exception. The exception is the one the
 * task threw in the worker (deserialized, with its own stack trace) and its cause is a
 * {@link RemoteTraceback} whose message is the worker's stack trace text, as CPython does. An unchecked
 * exception is thrown as it is; a checked one arrives wrapped in a {@link CompletionException}, the way
 * {@code CompletableFuture.join()} reports it. A task whose worker died fails with
 * {@link WorkerDiedException}; a task dropped by {@link Pool#terminate()} with {@link CancellationException}.
 *
 * <p>{@code wait(timeout)} is called {@link #await(double)} here: {@code Object.wait(long)} would catch
 * {@code wait(1)}.
 */
public final class AsyncResult<R> {

    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicBoolean settled = new AtomicBoolean();
    private final Consumer<? super R> callback;
    private final Consumer<? super Throwable> errorCallback;
    private final Executor resultHandler;
    private volatile R value;
    private volatile Throwable failure;
    private CompletableFuture<R> completion; // guarded by this; made on first request only

    AsyncResult(Consumer<? super R> callback, Consumer<? super Throwable> errorCallback, Executor resultHandler) {
        this.callback = callback;
        this.errorCallback = errorCallback;
        this.resultHandler = resultHandler;
    }

    /** Waits for the result and returns it, or re-raises the task's exception (see the class comment). */
    public R get() {
        await();
        return valueOrThrow();
    }

    /** Like {@link #get()}, waiting at most {@code timeoutSeconds}; then {@link TimeoutException}. */
    public R get(double timeoutSeconds) throws TimeoutException {
        if (!await(timeoutSeconds)) {
            throw new TimeoutException("the result was not ready after " + timeoutSeconds + " s");
        }
        return valueOrThrow();
    }

    /** Python's {@code ready()}: whether the call has completed (its callback included). */
    public boolean ready() {
        return ready.getCount() == 0;
    }

    /** Python's {@code successful()}: whether the call completed without raising; refused before it is ready. */
    public boolean successful() {
        if (!ready()) {
            throw new IllegalStateException("AsyncResult is not ready");
        }
        return failure == null;
    }

    /** Python's {@code wait()}: blocks until the result is ready. */
    public void await() {
        try {
            ready.await();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** Python's {@code wait(timeout)}: blocks at most {@code timeoutSeconds}; returns {@link #ready()}. */
    public boolean await(double timeoutSeconds) {
        try {
            long nanos = Timeouts.nanos(timeoutSeconds);
            if (nanos == Timeouts.NO_DEADLINE) {
                ready.await();
                return true;
            }
            return ready.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /**
     * Settles the result once: a later outcome (a worker's death reported after terminate) is ignored.
     * With a callback the result becomes ready only after the callback ran on the pool's result-handler
     * thread, like CPython, so {@code get()} never overtakes its callback.
     */
    void settle(R result, Throwable error) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        boolean hasCallback = error == null ? callback != null : errorCallback != null;
        if (!hasCallback) {
            publish(result, error);
            return;
        }
        try {
            resultHandler.execute(() -> {
                try {
                    if (error == null) {
                        callback.accept(result);
                    } else {
                        errorCallback.accept(error);
                    }
                } catch (Throwable callbackFailure) {
                    System.err.println("Exception in a pool callback (the result is still delivered):");
                    callbackFailure.printStackTrace();
                } finally {
                    publish(result, error);
                }
            });
        } catch (RuntimeException handlerGone) {
            publish(result, error); // the pool has been joined: no callbacks any more, but never a hang
        }
    }

    boolean isSettled() {
        return settled.get();
    }

    private void publish(R result, Throwable error) {
        value = result;
        failure = error;
        ready.countDown();
        CompletableFuture<R> requested;
        synchronized (this) {
            requested = completion;
        }
        if (requested != null) {
            completeFrom(requested);
        }
    }

    /**
     * This result as a {@link CompletableFuture}, completed when the result is ready (after its callback):
     * with the value, or exceptionally with the task's exception (its {@code get()} throws an
     * {@link java.util.concurrent.ExecutionException} with that cause). Dependent stages run on the pool
     * thread that completes it; use the {@code ...Async} variants for long work. Completing or cancelling
     * the returned future does not affect the task.
     */
    public CompletableFuture<R> toCompletableFuture() {
        synchronized (this) {
            if (completion == null) {
                completion = new CompletableFuture<>();
                if (ready()) {
                    completeFrom(completion);
                }
            }
            return completion;
        }
    }

    private void completeFrom(CompletableFuture<R> future) {
        Throwable error = failure;
        if (error == null) {
            future.complete(value);
        } else {
            future.completeExceptionally(error);
        }
    }

    private R valueOrThrow() {
        Throwable error = failure;
        if (error != null) {
            throw rethrowable(error);
        }
        return value;
    }

    /** What {@code get()} throws for a task's exception: unchecked as it is, checked in a CompletionException. */
    static RuntimeException rethrowable(Throwable error) {
        if (error instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new CompletionException(error);
    }

    static CancellationException interrupted(InterruptedException e) {
        return Timeouts.interrupted(e, "a pool result");
    }

    @Override
    public String toString() {
        return "<AsyncResult " + (!ready() ? "pending" : failure == null ? "successful" : "failed") + ">";
    }
}
