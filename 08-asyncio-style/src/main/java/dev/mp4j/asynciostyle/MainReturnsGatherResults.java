package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Task;

import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A12 — seed 003, 2.6 协程 › 协程嵌套: {@code main} returns {@code await asyncio.gather(...)}, and the
 * outermost {@code run_until_complete} returns main's result ("最外层的run_until_complete将会返回main
 * 协程的结果"). This variant sleeps 1, 2 and 2 s, as the article wrote it.
 */
public final class MainReturnsGatherResults {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);

            Asyncio.sleep(x);
            return "Done after %ds".formatted(x);
        });
    }

    static Coroutine<List<String>> main() {
        return Coroutine.named("main", () -> {
            Coroutine<String> coroutine1 = doSomeWork(1);
            Coroutine<String> coroutine2 = doSomeWork(2);
            Coroutine<String> coroutine3 = doSomeWork(2);

            List<Task<String>> tasks = List.of(
                    Asyncio.ensureFuture(coroutine1),
                    Asyncio.ensureFuture(coroutine2),
                    Asyncio.ensureFuture(coroutine3));

            return Asyncio.gather(tasks).await();
        });
    }

    public static void main(String[] args) {
        double start = now();

        EventLoop loop = Asyncio.getEventLoop();
        List<String> results = loop.runUntilComplete(main());

        for (String result : results) {
            print("Task ret: ", result);
        }
    }
}
