package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Functools;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.Task;

import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A06 — seed 003, 2.6 协程 › 绑定回调: a callback with an extra argument through
 * {@code functools.partial(callback, 2)} ("如果回调需要多个参数,可以通过偏函数导入"); the future stays
 * the last argument. The article's fragment is completed with A05's surroundings (and the import of
 * functools it forgot); {@code task.addDoneCallback(callback, 2)} is the same thing without partial.
 */
public final class CallbackWithPartialArgument {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);
            return "Done after %ds".formatted(x);
        });
    }

    static void callback(int t, Future<String> future) {
        print("Callback:", t, future.result());
    }

    public static void main(String[] args) {
        EventLoop loop = Asyncio.getEventLoop();
        Task<String> task = Asyncio.ensureFuture(doSomeWork(2));
        task.addDoneCallback(Functools.partial(CallbackWithPartialArgument::callback, 2));
        loop.runUntilComplete(task);
    }
}
