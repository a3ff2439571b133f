package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Task;

import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A11 — seed 003, 2.6 协程 › 协程嵌套: {@code results = await asyncio.gather(*tasks)} inside
 * {@code main} ("那么await的返回值就是协程运行的结果"); the results come in task order. The article's
 * fragment replaces the body of A10's main; the rest of A10 is kept.
 */
public final class NestedCoroutineGather {

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

            List<String> results = Asyncio.gather(tasks).await();

            for (String result : results) {
                print("Task ret: ", result);
            }
            return null;
        });
    }

    public static void main(String[] args) {
        double start = now();

        EventLoop loop = Asyncio.getEventLoop();
        loop.runUntilComplete(main());

        print("TIME: ", now() - start);
    }
}
