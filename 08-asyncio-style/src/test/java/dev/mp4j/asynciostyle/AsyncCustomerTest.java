package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.support.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.mp4j.asynciostyle.support.RedisCli.lpushAt;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
@ExtendWith(SharedRedis.class)
class AsyncCustomerTest {

    @Test
    void eachJobCallsTheSmsApiAndAFailedCallFallsBackToError(LocalRedis redis) throws Exception {
        EventLoop newLoop = Asyncio.newEventLoop();
        List<Throwable> escaped = new ArrayList<>();
        String previousTimeout = System.setProperty("fetchTimeout", "10");
        try (SmsApiServer server = SmsApiServer.start(0)) {
            AsyncCustomer.api = server.url("");
            warmUp(server);
            Thread master = Thread.currentThread();
            Stdout.pressWhenPrinted(7, master::interrupt);   // Ctrl+C once the last line is out
            List<String> lines = Stdout.captureOnceAtScale(0.3, () -> {
                try {
                    AsyncCustomer.run(newLoop, redis, -1, lpushAt(0, "2"), lpushAt(0.5, "20"));
                } catch (KeyboardInterrupt e) {
                    escaped.add(e);
                }
            });
            assertThat(lines).containsExactly(
                    "Waiting  2", "Waiting  20", "200", "2 It works", "Done 2",
                    "200", "error!");   // -DfetchTimeout=10: job 20 timed out, so /error was called, and no "Done 20"
            // except Exception does not catch Ctrl+C: no "error" line, the interrupt leaves the main.
            assertThat(escaped).hasSize(1);
        } finally {
            restore(previousTimeout);
            newLoop.callSoonThreadsafe(newLoop::stop);
            org.awaitility.Awaitility.await().until(() -> !newLoop.isRunning());
        }
    }

    @Test
    void underAiohttpsDefaultTimeoutTheJobOfTwelveSucceeds(LocalRedis redis) throws Exception {
        EventLoop newLoop = Asyncio.newEventLoop();
        String previousTimeout = System.clearProperty("fetchTimeout");
        try (SmsApiServer server = SmsApiServer.start(0)) {
            AsyncCustomer.api = server.url("");
            warmUp(server);
            Thread master = Thread.currentThread();
            Stdout.pressWhenPrinted(8, master::interrupt);
            List<String> lines = Stdout.captureOnceAtScale(0.3, () -> {
                try {
                    // the article's jobs, 2 then 12; Ctrl+C once the last line is out, or at 20 s at the latest
                    AsyncCustomer.run(newLoop, redis, 20, AsyncCustomer.SCRIPT);
                } catch (KeyboardInterrupt expected) {
                    // the scripted Ctrl+C
                }
            });
            assertThat(lines).containsExactly(
                    "Waiting  2", "Waiting  12", "200", "2 It works", "Done 2", "200", "12 It works", "Done 12");
        } finally {
            restore(previousTimeout);
            newLoop.callSoonThreadsafe(newLoop::stop);
            org.awaitility.Awaitility.await().until(() -> !newLoop.isRunning());
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("fetchTimeout");
        } else {
            System.setProperty("fetchTimeout", previous);
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
