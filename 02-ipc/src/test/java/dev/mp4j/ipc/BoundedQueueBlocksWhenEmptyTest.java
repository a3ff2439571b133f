package dev.mp4j.ipc;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class BoundedQueueBlocksWhenEmptyTest {

    /** The article's output is two True; with our -Dpatience the main ends, and says so on stderr only. */
    @Test
    void printsTrueTwiceFullAfterThreePutsEmptyAfterThreeGets() {
        String previous = System.setProperty("patience", "0.5");
        try (ConsoleCapture console = ConsoleCapture.start()) {
            BoundedQueueBlocksWhenEmpty.main(new String[0]);
            assertThat(console.outLines()).containsExactly("True", "True");
            assertThat(console.err()).contains("the fourth get() gave up");
        } finally {
            if (previous == null) {
                System.clearProperty("patience");
            } else {
                System.setProperty("patience", previous);
            }
        }
    }

    @Test
    void theFourthGetStaysBlockedUntilSomethingIsPut() throws Exception {
        Queue<Integer> q;
        try (ConsoleCapture ignored = ConsoleCapture.start()) {
            q = BoundedQueueBlocksWhenEmpty.fillAndDrain();
        }
        CompletableFuture<Integer> fourth = CompletableFuture.supplyAsync(() -> BoundedQueueBlocksWhenEmpty.fourthGet(q));
        assertThatThrownBy(() -> fourth.get(500, TimeUnit.MILLISECONDS)).as("still waiting after 0.5 s")
                .isInstanceOf(TimeoutException.class);
        q.put(4); // end it cleanly: the blocked get takes this item
        assertThat(fourth.get(10, TimeUnit.SECONDS)).isEqualTo(4);
    }
}
