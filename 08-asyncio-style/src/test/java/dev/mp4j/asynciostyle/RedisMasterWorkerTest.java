package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.support.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedRedis.class)
class RedisMasterWorkerTest {

    @Test
    void theOneSecondJobsRunWhileTheFiveSecondJobAwaits(LocalRedis redis) throws Exception {
        EventLoop newLoop = Asyncio.newEventLoop();
        Stdout.pressWhenPrinted(8, Thread.currentThread()::interrupt);   // Ctrl+C after the last job
        List<String> lines = Stdout.captureOnceAtScale(0.3,
                () -> RedisMasterWorker.run(newLoop, redis, -1, RedisMasterWorker.SCRIPT));
        assertThat(lines).containsExactly(
                "Waiting  2", "Done 2", "Waiting  5", "Waiting  1", "Done 1", "Waiting  1", "Done 1", "Done 5");
        assertThat(newLoop.isRunning()).isFalse();
        assertThat(newLoop.isClosed()).isTrue();
    }
}
