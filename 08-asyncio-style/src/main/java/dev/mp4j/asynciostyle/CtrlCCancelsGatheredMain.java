package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.loop.Task;
import dev.mp4j.asynciostyle.support.CtrlC;
import dev.mp4j.asynciostyle.support.Python;

import java.util.ArrayList;
import java.util.List;

import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A16 — seed 003, 2.6 协程 › 协程停止: the tasks live inside {@code main}, the outermost task, so one
 * {@code asyncio.gather(*all_tasks()).cancel()} cancels everything and prints {@code True}
 * ("main相当于最外出的一个task,那么处理包装的main函数即可"). Without Ctrl+C it prints the three results
 * after about 2 s.
 *
 * <p>{@code await asyncio.wait(tasks)} runs inside main's task, as in Python, so {@code all_tasks()} holds
 * four tasks: main and the three do_some_work. The loop is run again until no task is left, then
 * closed, so nothing is destroyed while pending. {@code -DctrlCAfter=0.9} as in A15.
 */
public final class CtrlCCancelsGatheredMain {

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
            Coroutine<String> coroutine3 = doSomeWork(2);

            List<Task<String>> tasks = List.of(
                    Asyncio.ensureFuture(coroutine1),
                    Asyncio.ensureFuture(coroutine2),
                    Asyncio.ensureFuture(coroutine3));
            Asyncio.DoneAndPending<String> result = Asyncio.wait(tasks).await();
            for (Future<String> task : result.done()) {
                print("Task ret: ", task.result());
            }
            return null;
        });
    }

    public static void main(String[] args) {
        run(Double.parseDouble(System.getProperty("ctrlCAfter", "0.9")));
    }

    static void run(double ctrlCAfter) {
        EventLoop loop = Asyncio.getEventLoop();
        Task<Void> task = Asyncio.ensureFuture(main());
        try (CtrlC ctrlC = CtrlC.install(loop::interrupt).pressAfter(ctrlCAfter)) {
            try {
                loop.runUntilComplete(task);
            } catch (KeyboardInterrupt e) {
                print(Asyncio.allTasks());
                print(Asyncio.gather(new ArrayList<>(Asyncio.allTasks())).cancel());
                do {
                    loop.stop();
                    loop.runForever();
                } while (!loop.allTasks().isEmpty());
            } finally {
                loop.close();
            }
        }
    }
}
