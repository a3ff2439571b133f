package dev.mp4j.asynciostyle.loop;

/**
 * The body of an {@code async def}: synchronous-looking code that may suspend on {@link Future#await()}
 * or {@link Asyncio#sleep(double)}. Like a Python coroutine object, creating one runs nothing; a loop
 * runs it once it is wrapped in a {@link Task}.
 */
@FunctionalInterface
public interface Coroutine<T> {

    T call() throws Exception;

    /** The name shown in a task's repr, {@code coro=<name()>}; Python shows the function's name. */
    default String name() {
        return "coroutine";
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
