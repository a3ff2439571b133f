package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.Task;

import java.util.Arrays;
import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A14 — seed 003, 2.6 协程 › 协程嵌套: {@code for task in asyncio.as_completed(tasks): result = await task}
 * gives each result as soon as its task finishes: 1 s, 2 s, then 4 s ("协程的调用和组合十分灵活").
 * {@code main} returns nothing, so {@code done} is None, as in the article.
 *
 * <p>With the article's sleeps (1, 2, 4 s) completion order is also task order; {@code -Dsleeps=4,1,2}
 * tells the two apart: as_completed still gives 1, 2, 4 where {@link NestedCoroutineGather} gives 4, 1, 2.
 */
public final class AsCompletedInMain {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);

            Asyncio.sleep(x);
            return "Done after %ds".formatted(x);
        });
    }

    static Coroutine<Void> main(int... sleeps) {
        return Coroutine.named("main", () -> {
            List<Task<String>> tasks = List.of(
                    Asyncio.ensureFuture(doSomeWork(sleeps[0])),
                    Asyncio.ensureFuture(doSomeWork(sleeps[1])),
                    Asyncio.ensureFuture(doSomeWork(sleeps[2])));
            for (Future<String> task : Asyncio.asCompleted(tasks)) {
                String result = task.await();
                print("Task ret: {}".replace("{}", result));
            }
            return null;
        });
    }

    public static void main(String[] args) {
        String[] sleeps = System.getProperty("sleeps", "1,2,4").split(",");
        if (sleeps.length != 3) {
            throw new IllegalArgumentException("-Dsleeps takes three seconds, e.g. 4,1,2; got " + String.join(",", sleeps));
        }
        run(Arrays.stream(sleeps).mapToInt(Integer::parseInt).toArray());
    }

    static void run(int... sleeps) {
        double start = now();

        EventLoop loop = Asyncio.getEventLoop();
        Void done = loop.runUntilComplete(main(sleeps));
        print("TIME: ", now() - start);
    }
}
