package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.Task;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A05 — seed 003, 2.6 协程 › 绑定回调: {@code add_done_callback(callback)}; the callback's last (here
 * only) parameter is the future, which is the task itself, and reads the coroutine's result. The
 * seed's last line is cut ({@code now() - sta}); completed as {@code now() - start}.
 */
public final class DoneCallbackReadsResult {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);
            return "Done after %ds".formatted(x);
        });
    }

    static void callback(Future<String> future) {
        print("Callback: ", future.result());
    }

    public static void main(String[] args) {
        double start = now();

        Coroutine<String> coroutine = doSomeWork(2);
        EventLoop loop = Asyncio.getEventLoop();
        Task<String> task = Asyncio.ensureFuture(coroutine);
        task.addDoneCallback(DoneCallbackReadsResult::callback);
        loop.runUntilComplete(task);

        print("TIME: ", now() - start);
    }
}
