package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.support.Python;
import dev.mp4j.launcher.Time;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A17 — seed 003, 2.6 协程 › 不同线程的事件循环: a loop runs forever in a new thread; the main thread is
 * not blocked and hands it plain functions with {@code call_soon_threadsafe}. They run in order, and
 * since {@code time.sleep} blocks, one after the other: about 6 + 3 s.
 *
 * <p>The article's program never ends (a non-daemon thread runs the loop forever). This main ends it
 * the right way once the work is queued: {@code callSoonThreadsafe(newLoop::stop)} runs after both
 * calls, then the loop thread is joined.
 */
public final class CallSoonThreadsafeBlocking {

    static void startLoop(EventLoop loop) {
        Asyncio.setEventLoop(loop);
        loop.runForever();
    }

    static void moreWork(int x) {
        print("More work {}".replace("{}", String.valueOf(x)));
        Time.sleep(x);
        print("Finished more work {}".replace("{}", String.valueOf(x)));
    }

    public static void main(String[] args) throws InterruptedException {
        double start = now();
        EventLoop newLoop = Asyncio.newEventLoop();
        Thread t = new Thread(() -> startLoop(newLoop));
        t.start();
        print("TIME: {}".replace("{}", Python.str(now() - start)));

        newLoop.callSoonThreadsafe(() -> moreWork(6));
        newLoop.callSoonThreadsafe(() -> moreWork(3));

        // Not in the article: let the program end once the queued work is done.
        newLoop.callSoonThreadsafe(newLoop::stop);
        t.join();
        newLoop.close();
    }
}
