package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.support.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedRedis.class)
class BrpopCustomerTest {

    @Test
    void printsTheArticlesTranscriptTheOneSecondCallsReturnFirst(LocalRedis redis) throws Exception {
        EventLoop newLoop = Asyncio.newEventLoop();
        List<Throwable> escaped = new ArrayList<>();
        try (SmsApiServer server = SmsApiServer.start(0)) {
            AsyncCustomer.api = server.url("");
            warmUp(server);
            Thread master = Thread.currentThread();
            Stdout.pressWhenPrinted(12, master::interrupt);   // Ctrl+C once the transcript is complete
            List<String> lines = Stdout.captureOnceAtScale(0.3, () -> {
                try {
                    BrpopCustomer.run(newLoop, redis, -1, BrpopCustomer.SCRIPT);
                } catch (KeyboardInterrupt e) {
                    escaped.add(e);
                }
            });
            assertThat(lines).containsExactly(
                    "Waiting  5", "Waiting  1", "Waiting  1",
                    "200", "1 It works", "Done 1",
                    "200", "1 It works", "Done 1",
                    "200", "5 It works", "Done 5");
            assertThat(escaped).hasSize(1);
        } finally {
            newLoop.callSoonThreadsafe(newLoop::stop);
            org.awaitility.Awaitility.await().until(() -> !newLoop.isRunning());
        }
    }

    /** A first request loads the HTTP client's classes; on a loaded machine that alone can outlast a scaled timeout. */
    private static void warmUp(SmsApiServer server) {
        String timeout = System.setProperty("fetchTimeout", "100000");
        EventLoop warm = Asyncio.newEventLoop();
        try {
            warm.runUntilComplete(warm.createTask(() -> AsyncCustomer.fetch(server.url("/0"))));
        } finally {
            warm.close();
            if (timeout == null) {
                System.clearProperty("fetchTimeout");
            } else {
                System.setProperty("fetchTimeout", timeout);
            }
        }
    }
}
