package dev.mp4j.asynciostyle;

import dev.mp4j.launcher.Time;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A09 and A05 the way Java developers already write them: CompletableFuture, no event loop. Not a
 * catalog example; the chapter README compares it with the loop.
 *
 * <p>The timing is the same (1, 2 and 4 s together take about 4 s), but the code is the callback
 * style the article calls a nightmare (PP34): the "rest of the coroutine" is a lambda passed to
 * {@code thenApply}, and it runs on whatever thread completed the future — here the delayed
 * executor's threads, several of them, never one loop thread.
 */
public final class CompletableFutureStyle {

    /** A coroutine's work as a future: nothing blocks, the result shows up after x seconds. */
    static CompletableFuture<String> doSomeWork(int x) {
        print("Waiting: ", x);
        return CompletableFuture.supplyAsync(() -> "Done after %ds".formatted(x),
                CompletableFuture.delayedExecutor(Time.scaled(x).toNanos(), TimeUnit.NANOSECONDS));
    }

    public static void main(String[] args) {
        double start = now();

        List<CompletableFuture<String>> tasks = List.of(doSomeWork(1), doSomeWork(2), doSomeWork(4));
        tasks.getFirst().thenAccept(result -> print("Callback: ", result));   // add_done_callback

        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();   // asyncio.wait

        for (CompletableFuture<String> task : tasks) {
            print("Task ret: ", task.join());
        }
        print("TIME: ", now() - start);
    }
}
