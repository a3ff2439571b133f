package dev.mp4j.ipc;

import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedQueueBlocksWhenEmptyTest {

    @Test
    void fullAfterThreePutsEmptyAfterThreeGets() {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            BoundedQueueBlocksWhenEmpty.main(new String[0]);
            assertThat(console.outLines()).hasSize(3).startsWith("True", "True");
            assertThat(console.outLines().get(2)).contains("仍在阻塞");
        }
    }

    @Test
    void theFourthGetIsStillBlockedAfterATimeoutUntilSomethingIsPut() throws Exception {
        Queue<Integer> q;
        try (ConsoleCapture ignored = ConsoleCapture.start()) {
            q = BoundedQueueBlocksWhenEmpty.fillAndDrain();
        }
        CompletableFuture<Integer> fourth = CompletableFuture.supplyAsync(() -> BoundedQueueBlocksWhenEmpty.fourthGet(q));
        assertThat(fourth).as("still waiting after 0.5 s").isNotCompleted();
        Thread.sleep(500); // the claim is about time passing: it must still be blocked afterwards
        assertThat(fourth).isNotCompleted();
        q.put(4); // end it cleanly: the blocked get takes this item
        assertThat(fourth.get(10, TimeUnit.SECONDS)).isEqualTo(4);
    }
}
