package dev.mp4j.asynciostyle.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The module-level functions of Python's {@code asyncio}: {@code get_event_loop}, {@code ensure_future},
 * {@code sleep}, {@code wait}, {@code gather}, {@code as_completed}, {@code run_coroutine_threadsafe}.
 */
public final class Asyncio {

    /** {@code asyncio.wait}'s {@code return_when}. */
    public enum ReturnWhen { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED }

    /** What {@code await asyncio.wait(tasks)} returns: {@code done, pending = ...}. */
    public record DoneAndPending<T>(Set<Future<T>> done, Set<Future<T>> pending) {
    }

    private static final ThreadLocal<EventLoop> DEFAULT = new ThreadLocal<>();

    private Asyncio() {
    }

    // ---- loops -----------------------------------------------------------------------------------

    /**
     * {@code asyncio.get_event_loop()}: inside a task or callback, the running loop; otherwise this
     * thread's loop, created on first use. Unlike Python 3.6, a closed default loop is replaced by a
     * fresh one, so examples run one after another in one thread (tests) each get a usable loop.
     */
    public static EventLoop getEventLoop() {
        EventLoop running = runningLoopOrNull();
        if (running != null) {
            return running;
        }
        EventLoop loop = DEFAULT.get();
        if (loop == null || loop.isClosed()) {
            loop = new EventLoop();
            DEFAULT.set(loop);
        }
        return loop;
    }

    public static EventLoop newEventLoop() {
        return new EventLoop();
    }

    /** {@code asyncio.set_event_loop(loop)}; null forgets this thread's loop. */
    public static void setEventLoop(EventLoop loop) {
        if (loop == null) {
            DEFAULT.remove();
        } else {
            DEFAULT.set(loop);
        }
    }

    /** {@code asyncio.get_running_loop()}: fails outside a task or callback. */
    public static EventLoop getRunningLoop() {
        EventLoop running = runningLoopOrNull();
        if (running == null) {
            throw new IllegalStateException("no running event loop");
        }
        return running;
    }

    static EventLoop runningLoopOrNull() {
        Task<?> current = Task.current();
        if (current != null) {
            return current.loop;
        }
        return EventLoop.runningOnThisThread();
    }

    // ---- tasks -----------------------------------------------------------------------------------

    /** {@code asyncio.ensure_future(coro)}: a task on {@link #getEventLoop()}. */
    public static <T> Task<T> ensureFuture(Coroutine<T> coroutine) {
        return getEventLoop().createTask(coroutine);
    }

    public static Task<?> currentTask() {
        return Task.current();
    }

    /** {@code asyncio.all_tasks()} ({@code asyncio.Task.all_tasks()} in the article's Python 3.6). */
    public static Set<Task<?>> allTasks() {
        return getEventLoop().allTasks();
    }

    // ---- awaitables ------------------------------------------------------------------------------

    /**
     * {@code await asyncio.sleep(seconds)}: suspends the current task for the article's seconds
     * (scaled like {@link dev.mp4j.launcher.Time#sleep}); the loop runs other tasks meanwhile.
     */
    public static void sleep(double seconds) {
        sleep(seconds, null);
    }

    /** {@code await asyncio.sleep(seconds, result)}. */
    public static <T> T sleep(double seconds, T result) {
        Task<?> current = Task.current();
        if (current == null) {
            throw new IllegalStateException("asyncio sleep must be awaited inside a task; outside one use Time.sleep, which blocks");
        }
        if (seconds <= 0) {
            current.yieldOnce();
            return result;
        }
        EventLoop loop = current.loop;
        Future<T> timer = loop.createFuture();
        Handle handle = loop.callLater(seconds, () -> {
            if (!timer.isDone()) {
                timer.setResult(result);
            }
        });
        try {
            return timer.await();
        } finally {
            handle.cancel();
        }
    }

    /**
     * {@code asyncio.wait(tasks)}: a coroutine, as in Python, that returns when all (or the first, see
     * {@link ReturnWhen}) of {@code futures} are done; its result is the done and pending sets. The
     * done set lists futures in the order they finished. Awaited inside a coroutine it runs in the
     * awaiting task; {@code loop.runUntilComplete(wait(...))} wraps it in a task of its own
     * ({@code Task-N}, {@code coro=<wait()>}).
     */
    public static <T> Coroutine<DoneAndPending<T>> wait(Collection<? extends Future<T>> futures) {
        return wait(futures, -1, ReturnWhen.ALL_COMPLETED);
    }

    /** {@code asyncio.wait(tasks, timeout=..., return_when=...)}; a negative timeout means none. */
    public static <T> Coroutine<DoneAndPending<T>> wait(Collection<? extends Future<T>> futures, double timeoutSeconds,
                                                        ReturnWhen returnWhen) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Set of coroutines/Futures is empty.");
        }
        List<Future<T>> all = new ArrayList<>(futures);
        EventLoop loop = all.getFirst().loop;
        return Coroutine.named("wait", () -> {
            Set<Future<T>> done = new LinkedHashSet<>();
            for (Future<T> future : all) {
                if (future.isDone()) {
                    done.add(future);
                }
            }
            if (!finished(all, done, returnWhen)) {
                Future<Void> waiter = loop.createFuture();
                Consumer<Future<T>> onCompletion = future -> {
                    done.add(future);
                    if (!waiter.isDone() && finished(all, done, returnWhen)) {
                        waiter.setResult(null);
                    }
                };
                for (Future<T> future : all) {
                    if (!future.isDone()) {
                        future.addDoneCallback(onCompletion);
                    }
                }
                Handle timeout = timeoutSeconds >= 0 ? loop.callLater(timeoutSeconds, () -> {
                    if (!waiter.isDone()) {
                        waiter.setResult(null);
                    }
                }) : null;
                try {
                    waiter.await();
                } finally {
                    if (timeout != null) {
                        timeout.cancel();
                    }
                    for (Future<T> future : all) {
                        future.removeDoneCallback(onCompletion);
                    }
                }
            }
            Set<Future<T>> finishedSet = new LinkedHashSet<>();
            Set<Future<T>> pending = new LinkedHashSet<>();
            for (Future<T> future : done) {
                if (future.isDone()) {
                    finishedSet.add(future);
                }
            }
            for (Future<T> future : all) {
                if (!future.isDone()) {
                    pending.add(future);
                } else {
                    finishedSet.add(future);
                }
            }
            return new DoneAndPending<>(finishedSet, pending);
        });
    }

    private static <T> boolean finished(List<Future<T>> all, Set<Future<T>> done, ReturnWhen returnWhen) {
        return switch (returnWhen) {
            case ALL_COMPLETED -> done.size() == all.size();
            case FIRST_COMPLETED -> !done.isEmpty();
            case FIRST_EXCEPTION -> done.size() == all.size()
                    || done.stream().anyMatch(f -> !f.isCancelled() && f.peekException() != null);
        };
    }

    /**
     * {@code asyncio.gather(*futures)}: a future of all results, in argument order. The first
     * exception fails it; cancelling it cancels every child, as the article's A16 relies on.
     */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Future<? extends T>... futures) {
        return gather(Arrays.asList(futures));
    }

    public static <T> Future<List<T>> gather(Collection<? extends Future<? extends T>> futures) {
        EventLoop loop = futures.isEmpty() ? getEventLoop() : futures.iterator().next().loop;
        return new GatheringFuture<>(loop, new ArrayList<>(futures));
    }

    /**
     * {@code asyncio.as_completed(futures)}: futures to await one by one; the k-th finishes with the
     * outcome of the k-th of {@code futures} to finish.
     */
    public static <T> List<Future<T>> asCompleted(Collection<? extends Future<? extends T>> futures) {
        List<Future<T>> inOrder = new ArrayList<>();
        if (futures.isEmpty()) {
            return inOrder;
        }
        EventLoop loop = futures.iterator().next().loop;
        for (int i = 0; i < futures.size(); i++) {
            inOrder.add(loop.createFuture());
        }
        int[] next = {0};
        for (Future<? extends T> future : futures) {
            future.addDoneCallback(finished -> {
                Future<T> slot = inOrder.get(next[0]++);
                if (finished.isCancelled()) {
                    slot.markCancelled();
                } else if (finished.peekException() != null) {
                    finished.retrieved = true;
                    slot.setException(finished.peekException());
                } else {
                    slot.setResult(finished.peekResult());
                }
            });
        }
        return inOrder;
    }

    /** {@code asyncio.run_coroutine_threadsafe(coro, loop)}; see {@link EventLoop#runCoroutineThreadsafe}. */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine, EventLoop loop) {
        return loop.runCoroutineThreadsafe(coroutine);
    }

    /** The future {@code gather} returns. */
    static final class GatheringFuture<T> extends Future<List<T>> {

        private final List<Future<? extends T>> children;

        GatheringFuture(EventLoop loop, List<Future<? extends T>> children) {
            super(loop);
            this.children = children;
            if (children.isEmpty()) {
                setResult(List.of());
                return;
            }
            Object[] results = new Object[children.size()];
            int[] remaining = {children.size()};
            for (int i = 0; i < children.size(); i++) {
                int index = i;
                Future<? extends T> child = children.get(i);
                child.addDoneCallback(finished -> {
                    remaining[0]--;
                    if (isDone()) {
                        if (!finished.isCancelled()) {
                            finished.retrieved = true;
                        }
                        return;
                    }
                    if (finished.isCancelled()) {
                        markCancelled();
                    } else if (finished.peekException() != null) {
                        finished.retrieved = true;
                        setException(finished.peekException());
                    } else {
                        results[index] = finished.peekResult();
                        if (remaining[0] == 0) {
                            @SuppressWarnings("unchecked")
                            List<T> list = (List<T>) Arrays.asList(results);
                            setResult(list);
                        }
                    }
                });
            }
        }

        /** Cancels every child; true if any of them could be cancelled. */
        @Override
        public boolean cancel() {
            if (isDone()) {
                return false;
            }
            boolean any = false;
            for (Future<? extends T> child : children) {
                any |= child.cancel();
            }
            return any;
        }

        @Override
        public String toString() {
            return "<_GatheringFuture " + describe() + ">";
        }
    }
}
