package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Task;

import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A09 — seed 003, 2.6 协程 › 并发和并行: three tasks sleeping 1, 2 and 4 s under {@code asyncio.wait}
 * finish in about 4 s ("总时间为4s左右 … 如果是同步顺序的任务,那么至少需要7s"): one teacher helping
 * three students in the same period.
 */
public final class ThreeTasksConcurrently {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);

            Asyncio.sleep(x);
            return "Done after %ds".formatted(x);
        });
    }

    public static void main(String[] args) {
        double start = now();

        Coroutine<String> coroutine1 = doSomeWork(1);
        Coroutine<String> coroutine2 = doSomeWork(2);
        Coroutine<String> coroutine3 = doSomeWork(4);

        List<Task<String>> tasks = List.of(
                Asyncio.ensureFuture(coroutine1),
                Asyncio.ensureFuture(coroutine2),
                Asyncio.ensureFuture(coroutine3));

        EventLoop loop = Asyncio.getEventLoop();
        loop.runUntilComplete(Asyncio.wait(tasks));

        for (Task<String> task : tasks) {
            print("Task ret: ", task.result());
        }

        print("TIME: ", now() - start);
    }
}
