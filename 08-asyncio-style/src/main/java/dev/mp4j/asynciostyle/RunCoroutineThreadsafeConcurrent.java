package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.support.Python;

import java.util.concurrent.CompletableFuture;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A18 — seed 003, 2.6 协程 › 新线程协程: the main thread registers coroutines on the loop thread with
 * {@code run_coroutine_threadsafe}; they sleep concurrently there, so 6 s and 4 s take about 6 s
 * ("一共执行的时间大概在6s左右"), and the main thread is never blocked.
 *
 * <p>{@code runCoroutineThreadsafe} returns a {@link CompletableFuture} the main thread can wait on
 * (the article drops Python's concurrent future); this main waits for both, then stops the loop
 * thread-safely so the program ends (the article's runs forever).
 */
public final class RunCoroutineThreadsafeConcurrent {

    static void startLoop(EventLoop loop) {
        Asyncio.setEventLoop(loop);
        loop.runForever();
    }

    static Coroutine<Void> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting {}".replace("{}", String.valueOf(x)));
            Asyncio.sleep(x);
            print("Done after {}s".replace("{}", String.valueOf(x)));
            return null;
        });
    }

    public static void main(String[] args) throws Exception {
        double start = now();
        EventLoop newLoop = Asyncio.newEventLoop();
        Thread t = new Thread(() -> startLoop(newLoop));
        t.start();
        print("TIME: {}".replace("{}", Python.str(now() - start)));

        CompletableFuture<Void> six = Asyncio.runCoroutineThreadsafe(doSomeWork(6), newLoop);
        CompletableFuture<Void> four = Asyncio.runCoroutineThreadsafe(doSomeWork(4), newLoop);

        // Not in the article: wait for both, then let the program end.
        CompletableFuture.allOf(six, four).get();
        newLoop.callSoonThreadsafe(newLoop::stop);
        t.join();
        newLoop.close();
    }
}
