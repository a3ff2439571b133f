package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.Task;

import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A14 — seed 003, 2.6 协程 › 协程嵌套: {@code for task in asyncio.as_completed(tasks): result = await task}
 * gives each result as soon as its task finishes: 1 s, 2 s, then 4 s ("协程的调用和组合十分灵活").
 * {@code main} returns nothing, so {@code done} is None, as in the article.
 */
public final class AsCompletedInMain {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);

            Asyncio.sleep(x);
            return "Done after %ds".formatted(x);
        });
    }

    static Coroutine<Void> main() {
        return Coroutine.named("main", () -> {
            List<Task<String>> tasks = List.of(
                    Asyncio.ensureFuture(doSomeWork(1)),
                    Asyncio.ensureFuture(doSomeWork(2)),
                    Asyncio.ensureFuture(doSomeWork(4)));
            for (Future<String> task : Asyncio.asCompleted(tasks)) {
                String result = task.await();
                print("Task ret: {}".replace("{}", result));
            }
            return null;
        });
    }

    public static void main(String[] args) {
        double start = now();

        EventLoop loop = Asyncio.getEventLoop();
        Void done = loop.runUntilComplete(main());
        print("TIME: ", now() - start);
    }
}
