package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.support.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedRedis.class)
class StopFromMainThreadFailsTest {

    @Test
    void stopFromTheMainThreadLeavesTheLoopThreadRunningAThreadsafeStopEndsIt(LocalRedis redis) throws Exception {
        EventLoop newLoop = Asyncio.newEventLoop();
        Stdout.pressWhenPrinted(4, Thread.currentThread()::interrupt);   // Ctrl+C once both jobs are done
        List<String> lines = Stdout.captureOnceAtScale(0.3,
                () -> StopFromMainThreadFails.run(newLoop, redis, -1, StopFromMainThreadFails.SCRIPT));
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(0, 2)).containsExactly("Waiting  2", "Waiting  1");
        // job 1 is popped one polling second after job 2 and sleeps one second less: the two finish
        // together, so their order is the scheduler's
        assertThat(lines.subList(2, 4)).containsExactlyInAnyOrder("Done 1", "Done 2");
        assertThat(lines.subList(4, 7)).containsExactly(
                "",
                "# loop thread alive 2 s after new_loop.stop(): True",
                "# loop thread alive after new_loop.call_soon_threadsafe(new_loop.stop): False");
        assertThat(newLoop.isRunning()).isFalse();
    }
}
