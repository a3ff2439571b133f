package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link QueueLoadTest}'s ten producers and ten consumers through a ring queue of three slots. */
class RingQueueLoadTest {

    private static final int PROCESSES = 10;
    private static final int ITEMS = 100_000;
    private static final int DONE = -1;

    @Test
    void tenProducersAndTenConsumersMoveOneHundredThousandItemsThroughThreeSlotsExactlyOnce() throws Exception {
        Queue<Integer> queue = new Queue<>(3, true);
        Queue<int[]> results = new Queue<>();
        List<ChildProcess> producers = new ArrayList<>();
        List<ChildProcess> consumers = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            int producer = i;
            producers.add(new ChildProcess(() -> QueueLoadTest.produce(queue, producer), "producer-" + i));
            consumers.add(new ChildProcess(() -> QueueLoadTest.consume(queue, results), "consumer-" + i));
        }
        long start = System.nanoTime();
        consumers.forEach(ChildProcess::start);
        producers.forEach(ChildProcess::start);
        joinWithin240Seconds(producers);
        for (int i = 0; i < PROCESSES; i++) {
            queue.put(DONE);
        }
        int[] seen = new int[ITEMS];
        for (int i = 0; i < PROCESSES; i++) {
            for (int item : results.get(true, 240)) {
                seen[item]++;
            }
        }
        joinWithin240Seconds(consumers);
        System.out.printf("moved %d items through Queue(3) in %.1f s%n", ITEMS, Processes.elapsed(start));
        assertThat(seen).as("every item exactly once: none lost, none duplicated").containsOnly(1);
        assertThat(queue.empty()).isTrue();
        assertThat(queue.recoveredFromDeadHolders()).isZero();
    }

    private static void joinWithin240Seconds(List<ChildProcess> children) throws InterruptedException {
        for (ChildProcess child : children) {
            child.join(240);
            assertThat(child.exitcode()).as(child.name()).isZero();
        }
    }
}
