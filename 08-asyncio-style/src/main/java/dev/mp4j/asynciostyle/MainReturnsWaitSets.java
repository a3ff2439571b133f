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
 * A13 — seed 003, 2.6 协程 › 协程嵌套: {@code main} returns {@code await asyncio.wait(tasks)} and the
 * caller unpacks {@code done, pending} ("或者返回使用asyncio.wait方式挂起协程"). The done set lists
 * tasks in completion order; pending is empty.
 */
public final class MainReturnsWaitSets {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);

            Asyncio.sleep(x);
            return "Done after %ds".formatted(x);
        });
    }

    static Coroutine<Asyncio.DoneAndPending<String>> main() {
        return Coroutine.named("main", () -> {
            List<Task<String>> tasks = List.of(
                    Asyncio.ensureFuture(doSomeWork(1)),
                    Asyncio.ensureFuture(doSomeWork(2)),
                    Asyncio.ensureFuture(doSomeWork(4)));

            return Asyncio.wait(tasks).await();
        });
    }

    public static void main(String[] args) {
        double start = now();

        EventLoop loop = Asyncio.getEventLoop();
        Asyncio.DoneAndPending<String> result = loop.runUntilComplete(main());
        var done = result.done();
        var pending = result.pending();

        for (Future<String> task : done) {
            print("Task ret: ", task.result());
        }
    }
}
