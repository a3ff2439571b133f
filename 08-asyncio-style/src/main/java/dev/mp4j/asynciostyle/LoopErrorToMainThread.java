package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.launcher.Time;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * PP43 — seed 003, 2.6 协程 › aiohttp, after async-custoimer.py: "暂时没找到办法可以把子线程的异常raise
 * 传播到主线程。(如果谁找到了比较好的方式,希望可以带带我)" — the author found no way to get an exception
 * from the loop thread to the main thread. Not a catalog example: our answer, in two parts.
 *
 * <ol>
 *   <li>The exception was never lost: {@code run_coroutine_threadsafe} puts it in the future it
 *       returns, which the article's master threw away. Keep the future and {@code get()} it: the
 *       cause of the ExecutionException is the coroutine's own exception.</li>
 *   <li>For fire-and-forget jobs, give the loop an exception handler. A coroutine that fails with
 *       nobody watching is reported to it; this one stops the loop and interrupts the main thread,
 *       which rethrows the original exception, so the program ends with it.</li>
 * </ol>
 */
public final class LoopErrorToMainThread {

    static void startLoop(EventLoop loop) {
        Asyncio.setEventLoop(loop);
        loop.runForever();
    }

    /** The job without A23's try/except: a 0 makes the "SMS API" call fail. */
    static Coroutine<Void> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting ", x);
            Asyncio.sleep(1);
            if (x == 0) {
                throw new IllegalStateException("SMS API failed for job 0");
            }
            print("Done {}".replace("{}", String.valueOf(x)));
            return null;
        });
    }

    public static void main(String[] args) throws Throwable {
        EventLoop newLoop = Asyncio.newEventLoop();
        Thread t = new Thread(() -> startLoop(newLoop));
        t.setDaemon(true);
        t.start();

        // 1. Keep the future: the main thread gets the coroutine's own exception.
        CompletableFuture<Void> job = Asyncio.runCoroutineThreadsafe(doSomeWork(0), newLoop);
        try {
            job.get();
        } catch (ExecutionException e) {
            print("main thread caught:", e.getCause());
        }

        // 2. Fire and forget, but with a handler that hands the failure to the main thread.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread mainThread = Thread.currentThread();
        newLoop.setExceptionHandler((loop, context) -> {
            failure.set(context.exception());
            loop.stop();
            mainThread.interrupt();
        });
        try {
            for (int task : new int[] {1, 0, 2}) {    // the master loop, jobs from the queue
                Asyncio.runCoroutineThreadsafe(doSomeWork(task), newLoop);
                Time.sleep(2);
            }
        } catch (CancellationException interrupted) {
            Thread.interrupted();   // the interrupt was the message; clear it before joining
            t.join();
            print("loop thread stopped:", !t.isAlive());
            throw failure.get();   // the original exception, raised in the main thread
        }
    }
}
