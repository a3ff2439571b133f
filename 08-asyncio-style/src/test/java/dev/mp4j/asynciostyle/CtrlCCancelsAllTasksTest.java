package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CtrlCCancelsAllTasksTest {

    @Test
    void ctrlCRightAfterTheStartCancelsTheFourTasksAndClosesCleanly() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        List<String> lines = Stdout.captureOnceAtScale(0.25, () -> {
            EventLoop loop = Asyncio.getEventLoop();
            loop.setExceptionHandler((l, context) -> reports.add(context.message()));
            Stdout.pressWhenPrinted(3, loop::interrupt);   // Ctrl+C right after the start
            CtrlCCancelsAllTasks.run(-1, true);
        });
        assertThat(lines.subList(0, 3)).containsExactly("Waiting:  1", "Waiting:  2", "Waiting:  2");
        assertThat(lines.get(3)).startsWith("{<Task pending").endsWith("}")
                .contains("coro=<do_some_work() running>")
                .containsPattern("name='Task-\\d+' coro=<wait\\(\\) running>");   // CPython's Task-4
        assertThat(lines.get(3).split("<Task pending")).hasSize(5);
        assertThat(lines.get(3)).doesNotContain("name='wait'");
        assertThat(lines.subList(4, 8)).containsOnly("True");
        assertThat(Stdout.seconds(lines, "TIME: ")).isPositive();
        assertThat(reports).isEmpty();
    }

    @Test
    void withoutRunningTheLoopAgainCloseReportsTaskWasDestroyedButItIsPending() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        Stdout.captureOnceAtScale(0.25, () -> {
            EventLoop loop = Asyncio.getEventLoop();
            loop.setExceptionHandler((l, context) -> reports.add(context.message() + " " + context.future()));
            Stdout.pressWhenPrinted(3, loop::interrupt);
            CtrlCCancelsAllTasks.run(-1, false);
        });
        assertThat(reports).hasSize(4).allMatch(r -> r.startsWith("Task was destroyed but it is pending! <Task pending"));
    }
}
