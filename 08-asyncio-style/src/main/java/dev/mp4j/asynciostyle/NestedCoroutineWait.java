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
 * A10 — seed 003, 2.6 协程 › 协程嵌套: a {@code main} coroutine awaits {@code asyncio.wait(tasks)} and
 * unpacks {@code dones, pendings}. Python's {@code dones} is a set in no particular order; ours lists
 * the tasks in the order they finished.
 */
public final class NestedCoroutineWait {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);

            Asyncio.sleep(x);
            return "Done after %ds".formatted(x);
        });
    }

    static Coroutine<Void> main() {
        return Coroutine.named("main", () -> {
            Coroutine<String> coroutine1 = doSomeWork(1);
            Coroutine<String> coroutine2 = doSomeWork(2);
            Coroutine<String> coroutine3 = doSomeWork(4);

            List<Task<String>> tasks = List.of(
                    Asyncio.ensureFuture(coroutine1),
                    Asyncio.ensureFuture(coroutine2),
                    Asyncio.ensureFuture(coroutine3));

            Asyncio.DoneAndPending<String> result = Asyncio.wait(tasks).await();
            var dones = result.done();
            var pendings = result.pending();

            for (Future<String> task : dones) {
                print("Task ret: ", task.result());
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
