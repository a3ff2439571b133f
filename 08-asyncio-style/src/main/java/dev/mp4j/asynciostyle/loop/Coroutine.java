package dev.mp4j.asynciostyle.loop;

/**
 * The body of an {@code async def}: synchronous-looking code that may suspend on {@link Future#await()}
 * or {@link Asyncio#sleep(double)}. Like a Python coroutine object, creating one runs nothing; a loop
 * runs it once it is wrapped in a {@link Task}, or a task {@linkplain #await() awaits} it.
 */
@FunctionalInterface
public interface Coroutine<T> {

    T call() throws Exception;

    /** The name shown in a task's repr, {@code coro=<name()>}; Python shows the function's name. */
    default String name() {
        return "coroutine";
    }

    /**
     * {@code await coro} inside a coroutine: runs the body right here, in the awaiting task, and returns
     * its result (or raises its exception), as Python does; no task of its own is created.
     */
    default T await() {
        if (Task.current() == null) {
            throw new IllegalStateException("await outside a task: call it inside a coroutine the loop runs");
        }
        try {
            return call();
        } catch (Exception e) {
            throw Sneaky.<RuntimeException>rethrow(e);
        }
    }

    /** Gives {@code body} a name for task reprs, e.g. {@code named("do_some_work", () -> doSomeWork(2))}. */
    static <T> Coroutine<T> named(String name, Coroutine<T> body) {
        return new Coroutine<>() {
            @Override
            public T call() throws Exception {
                return body.call();
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
