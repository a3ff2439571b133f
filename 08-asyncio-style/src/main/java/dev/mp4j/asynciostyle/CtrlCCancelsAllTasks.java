package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.loop.Task;
import dev.mp4j.asynciostyle.support.CtrlC;

import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A15 — seed 003, 2.6 协程 › 协程停止: Ctrl+C right after the start raises {@code KeyboardInterrupt}
 * out of {@code run_until_complete}; every task of the loop is cancelled ({@code True} four times:
 * three do_some_work tasks and the task {@code run_until_complete} made of {@code wait()}), then the loop is stopped, run once more so the
 * cancellations are delivered, and closed. Skipping that extra run gives "Task was destroyed but it
 * is pending!" ({@code -DrunAgain=false} shows it).
 *
 * <p>Java has no KeyboardInterrupt: {@link CtrlC} turns SIGINT into {@link EventLoop#interrupt()}, and
 * presses it by itself after {@code -DctrlCAfter=0.9} seconds (the article's 0.886 s; a negative
 * value waits for your own Ctrl+C). {@code asyncio.Task.all_tasks()} is {@code Asyncio.allTasks()}.
 */
public final class CtrlCCancelsAllTasks {

    static Coroutine<String> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting: ", x);

            Asyncio.sleep(x);
            return "Done after %ds".formatted(x);
        });
    }

    public static void main(String[] args) {
        run(Double.parseDouble(System.getProperty("ctrlCAfter", "0.9")),
                Boolean.parseBoolean(System.getProperty("runAgain", "true")));
    }

    static void run(double ctrlCAfter, boolean runAgain) {
        Coroutine<String> coroutine1 = doSomeWork(1);
        Coroutine<String> coroutine2 = doSomeWork(2);
        Coroutine<String> coroutine3 = doSomeWork(2);

        List<Task<String>> tasks = List.of(
                Asyncio.ensureFuture(coroutine1),
                Asyncio.ensureFuture(coroutine2),
                Asyncio.ensureFuture(coroutine3));

        double start = now();

        EventLoop loop = Asyncio.getEventLoop();
        try (CtrlC ctrlC = CtrlC.install(loop::interrupt).pressAfter(ctrlCAfter)) {
            try {
                loop.runUntilComplete(Asyncio.wait(tasks));
            } catch (KeyboardInterrupt e) {
                print(Asyncio.allTasks());
                for (Task<?> task : Asyncio.allTasks()) {
                    print(task.cancel());
                }
                if (runAgain) {
                    loop.stop();
                    loop.runForever();
                }
            } finally {
                loop.close();
            }
        }

        print("TIME: ", now() - start);
    }
}
