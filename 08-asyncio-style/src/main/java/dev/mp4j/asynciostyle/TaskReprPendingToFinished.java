package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.Task;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A04 — seed 003, 2.6 协程: {@code loop.create_task}; the task prints as pending before the loop runs
 * and as finished after ("创建task后,task在加入事件循环之前是pending状态 … 后面打印的finished状态").
 * The seed's C-style comment and the two statements glued on one line are fixed. The article's
 * {@code isinstance(task, asyncio.Future)} (True) is in the type: {@link Task} extends {@link Future}.
 */
public final class TaskReprPendingToFinished {

    static Coroutine<Void> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);
            return null;
        });
    }

    public static void main(String[] args) {
        double start = now();

        Coroutine<Void> coroutine = doSomeWork(2);   // returns the coroutine object
        EventLoop loop = Asyncio.getEventLoop();
        // Task<Void> task = Asyncio.ensureFuture(coroutine);
        Task<Void> task = loop.createTask(coroutine);
        print(task);
        loop.runUntilComplete(task);
        print(task);
        print("TIME: ", now() - start);
    }
}
