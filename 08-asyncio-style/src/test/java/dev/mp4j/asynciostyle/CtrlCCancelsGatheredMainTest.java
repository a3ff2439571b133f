package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CtrlCCancelsGatheredMainTest {

    @Test
    void oneGatherCancelCancelsMainAndEveryTaskInside() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        List<String> lines = Stdout.captureOnceAtScale(0.25, () -> {
            EventLoop loop = Asyncio.getEventLoop();
            loop.setExceptionHandler((l, context) -> reports.add(context.message()));
            Stdout.pressWhenPrinted(3, loop::interrupt);   // Ctrl+C right after the start
            CtrlCCancelsGatheredMain.run(-1);
        });
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 3)).containsExactly("Waiting:  1", "Waiting:  2", "Waiting:  2");
        assertThat(lines.get(3)).startsWith("{<Task pending").contains("coro=<main() running>")
                .doesNotContain("coro=<wait()");
        // as in CPython: main and the three do_some_work; the awaited wait() runs inside main
        assertThat(lines.get(3).split("<Task pending")).hasSize(5);
        assertThat(lines.get(4)).isEqualTo("True");
        assertThat(reports).isEmpty();
    }

    @Test
    void withoutCtrlCMainPrintsTheThreeResults() throws Exception {
        List<String> lines = Stdout.capture(() -> CtrlCCancelsGatheredMain.run(-1));
        assertThat(lines).containsExactly("Waiting:  1", "Waiting:  2", "Waiting:  2",
                "Task ret:  Done after 1s", "Task ret:  Done after 2s", "Task ret:  Done after 2s");
    }
}
