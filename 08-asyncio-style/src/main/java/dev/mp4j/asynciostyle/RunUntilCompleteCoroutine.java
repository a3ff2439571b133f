package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A03 — seed 003, 2.6 协程: define a coroutine and run it with {@code run_until_complete(coroutine)}.
 * Calling {@code doSomeWork(2)} only builds the coroutine (a lambda), as calling an {@code async def}
 * only builds a coroutine object; {@code runUntilComplete} wraps it in a task and runs the loop.
 */
public final class RunUntilCompleteCoroutine {

    static Coroutine<Void> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);
            return null;
        });
    }

    public static void main(String[] args) {
        double start = now();

        Coroutine<Void> coroutine = doSomeWork(2);

        EventLoop loop = Asyncio.getEventLoop();
        loop.runUntilComplete(coroutine);

        print("TIME: ", now() - start);
    }
}
