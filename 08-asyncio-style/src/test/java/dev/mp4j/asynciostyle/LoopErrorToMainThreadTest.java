package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopErrorToMainThreadTest {

    @Test
    void theLoopThreadsExceptionIsRaisedInTheMainThread() throws Exception {
        List<Throwable> raised = new ArrayList<>();
        // Job 0 fails 1 s after it is sent, the master sends the next job 2 s after: half a second of slack at 0.5.
        List<String> lines = Stdout.captureOnceAtScale(0.5, () -> {
            try {
                LoopErrorToMainThread.main(new String[0]);
            } catch (Throwable e) {
                raised.add(e);
            }
        });
        assertThat(lines).containsExactly(
                "Waiting  0",
                "main thread caught: java.lang.IllegalStateException: SMS API failed for job 0",
                "Waiting  1", "Done 1",
                "Waiting  0",
                "loop thread stopped: True");
        assertThat(raised).hasSize(1);
        assertThat(raised.getFirst()).isInstanceOf(IllegalStateException.class).hasMessage("SMS API failed for job 0");
        assertThat(Thread.interrupted()).isFalse();
    }
}
