package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The launcher's interrupt rule, as contract tests check it: an interrupted wait raises CancellationException, flag set. */
final class Interrupts {

    private Interrupts() {
    }

    /** Runs {@code wait} in a thread that is interrupted before it starts, and checks how the wait ended. */
    static void assertInterruptedWaitIsCancelled(Runnable wait) throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().unstarted(() -> {
            Thread.currentThread().interrupt();
            try {
                wait.run();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag is set again").isTrue();
        });
        waiter.start();
        assertThat(ended.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        waiter.join();
    }
}
