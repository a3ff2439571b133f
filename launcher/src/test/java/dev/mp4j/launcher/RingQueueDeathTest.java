package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A queue over the shared-memory ring when a process using it is killed with SIGKILL in the middle of
 * a {@code get} or a {@code put} (while it holds the ring's lock), or when its owner is killed: the
 * others carry on, at most that one item is lost, and the loss is reported on stderr and counted.
 */
class RingQueueDeathTest {

    private static final double WAIT = 30;

    /** A child that calls {@code op} on {@code q} and is stopped inside its critical section until killed. */
    private static ChildProcess stuckInside(String op, Event inside, Target call) {
        return Processes.start(() -> {
            RingQueue.insideCriticalSection = reached -> {
                if (reached.equals(op)) {
                    inside.set();
                    Time.sleep(120 / Time.scale()); // holds the ring's lock until killed
                }
            };
            call.run();
        });
    }

    private static void kill(ChildProcess child) throws InterruptedException {
        child.kill();
        child.join(Duration.ofSeconds(20));
        assertThat(child.exitcode()).isEqualTo(-9);
    }

    @Test
    void aConsumerKilledInsideGetLosesOnlyTheItemItWasTakingAndTheLossIsReported() throws Exception {
        JoinableQueue<String> q = new JoinableQueue<>(10, true);
        for (String item : List.of("a", "b", "c")) {
            q.put(item);
        }
        Event inside = new Event();
        ChildProcess consumer = stuckInside("get", inside, q::get);
        assertThat(inside.await(WAIT)).isTrue();
        kill(consumer);

        List<String> got = new ArrayList<>();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            got.add(q.get(true, WAIT));
            assertThat(console.err()).contains("process " + consumer.pid())
                    .contains("get(): the item it was taking is lost (1 item)");
        }
        Queue<String> fromOther = new Queue<>();
        Processes.joinOk(Processes.start(() -> fromOther.put(q.get(true, WAIT))));
        got.add(fromOther.get(true, WAIT));
        assertThat(got).containsExactly("b", "c");
        assertThat(q.recoveredFromDeadHolders()).isEqualTo(1);
        assertThat(q.empty()).isTrue();
        q.taskDone();
        q.taskDone();
        // the lost item was counted as done: join() does not wait for it forever
        assertTimeoutPreemptively(Duration.ofSeconds(20), q::join);
    }

    @Test
    void aProducerKilledInsidePutLosesOnlyItsOwnItemAndOthersCarryOn() throws Exception {
        Queue<String> q = new Queue<>(2, true);
        q.put("first");
        Event inside = new Event();
        ChildProcess producer = stuckInside("put", inside, () -> q.put("never published"));
        assertThat(inside.await(WAIT)).isTrue();
        kill(producer);

        try (ConsoleCapture console = ConsoleCapture.start()) {
            q.put("after", true, WAIT);
            assertThat(console.err()).contains("process " + producer.pid())
                    .contains("put(): the item it was putting is lost (1 item)");
        }
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.full()).isTrue();
        assertThat(q.get()).isEqualTo("first");
        assertThat(q.get()).isEqualTo("after");
        assertThat(q.recoveredFromDeadHolders()).isEqualTo(1);
        Processes.joinOk(Processes.start(() -> q.put("from a child")));
        assertThat(q.get(true, WAIT)).isEqualTo("from a child");
    }

    @Test
    void theOwnersDeathFailsTheOthersWithAClearError() throws Exception {
        Queue<Queue<String>> handOver = new Queue<>();
        Event stop = new Event();
        ChildProcess owner = Processes.start(() -> {
            Queue<String> owned = new Queue<>(0, true);
            owned.put("x");
            handOver.put(owned);
            stop.await(120);
        });
        Queue<String> q = handOver.get(true, WAIT);
        assertThat(q.get(true, WAIT)).isEqualTo("x");
        kill(owner);
        assertThatThrownBy(() -> q.get(true, WAIT)).isInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("the process that owns the queue has exited")
                .hasMessageContaining("pid " + owner.pid());
        assertThatThrownBy(() -> q.put("z")).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void anItemLargerThanASlotTravelsBothWays() throws Exception {
        Queue<byte[]> q = new Queue<>(1, true);
        byte[] big = new byte[3 * RingQueue.SLOT_BYTES + 7];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Processes.joinOk(Processes.start(() -> q.put(big)));
        assertThat(q.get(true, WAIT)).isEqualTo(big);
        Queue<String> echo = new Queue<>();
        q.put(big);
        Processes.joinOk(Processes.start(() -> echo.put(java.util.Arrays.toString(q.get(true, WAIT)))));
        assertThat(echo.get(true, WAIT)).isEqualTo(java.util.Arrays.toString(big));
    }
}
