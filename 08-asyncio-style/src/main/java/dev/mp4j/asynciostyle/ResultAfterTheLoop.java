package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Task;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A07 — seed 003, 2.6 协程 › future 与 result: no callback; once the task is finished, read
 * {@code task.result()} directly ("回调一直是很多异步编程的恶梦"). The article's code formats
 * {@code 'Waiting {}'} but its printed output shows {@code Waiting:  2}; we print what it shows.
 */
public final class ResultAfterTheLoop {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);
            return "Done after %ds".formatted(x);
        });
    }

    public static void main(String[] args) {
        double start = now();

        Coroutine<String> coroutine = doSomeWork(2);
        EventLoop loop = Asyncio.getEventLoop();
        Task<String> task = Asyncio.ensureFuture(coroutine);
        loop.runUntilComplete(task);

        print("Task ret: ", task.result());
        print("TIME: ", now() - start);
    }
}
