package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Task;

import java.util.Arrays;
import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A11 — seed 003, 2.6 协程 › 协程嵌套: {@code results = await asyncio.gather(*tasks)} inside
 * {@code main} ("那么await的返回值就是协程运行的结果"); the results come in task order. The article's
 * fragment replaces the body of A10's main; the rest of A10 is kept.
 *
 * <p>With the article's sleeps (1, 2, 4 s) task order is also completion order; {@code -Dsleeps=4,1,2}
 * tells the two apart: gather still gives 4, 1, 2 where {@link AsCompletedInMain} gives 1, 2, 4.
 */
public final class NestedCoroutineGather {

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

            List<String> results = Asyncio.gather(tasks).await();

            for (String result : results) {
                print("Task ret: ", result);
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
        loop.runUntilComplete(main(sleeps));

        print("TIME: ", now() - start);
    }
}
