package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class DoneCallbackReadsResultTest {

    @Test
    void theCallbackRunsWhenTheCoroutineEndsAndReadsItsResult() throws Exception {
        List<String> lines = Stdout.capture(() -> DoneCallbackReadsResult.main(new String[0]));
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(0, 2)).containsExactly("Waiting:  2", "Callback:  Done after 2s");
        assertThat(lines.get(2)).startsWith("TIME:  ");
    }

    /** "我们创建的task和回调里的future对象,实际上是同一个对象": the main's wiring, with the future kept. */
    @Test
    void theCallbacksFutureIsTheTaskItself() throws Exception {
        AtomicReference<Future<String>> given = new AtomicReference<>();
        Stdout.capture(() -> {
            EventLoop loop = Asyncio.getEventLoop();
            Task<String> task = Asyncio.ensureFuture(DoneCallbackReadsResult.doSomeWork(2));
            task.addDoneCallback(future -> {
                given.set(future);
                DoneCallbackReadsResult.callback(future);
            });
            loop.runUntilComplete(task);
            assertThat(given.get()).isSameAs(task);
        });
    }
}
