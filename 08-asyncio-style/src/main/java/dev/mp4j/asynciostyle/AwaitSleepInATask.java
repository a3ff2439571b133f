package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Task;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A08 — seed 003, 2.6 协程 › 阻塞和await: {@code await asyncio.sleep(x)} suspends the task and hands
 * control back to the loop ("在 sleep的时候,使用await让出控制权"). In Java the await is an ordinary
 * call, {@code Asyncio.sleep(x)}: the body reads top to bottom, no callback (PP34).
 */
public final class AwaitSleepInATask {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);
            Asyncio.sleep(x);
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
