package dev.mp4j.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ten producer and ten consumer processes on one bounded queue: every item arrives exactly once. */
class QueueLoadTest {

    private static final int PROCESSES = 10;
    private static final int ITEMS_EACH = 10_000;
    private static final int DONE = -1;

    static void produce(Queue<Integer> queue, int producer) {
        for (int i = 0; i < ITEMS_EACH; i++) {
            queue.put(producer * ITEMS_EACH + i);
        }
    }

    static void consume(Queue<Integer> queue, Queue<int[]> results) {
        int[] got = new int[ITEMS_EACH * PROCESSES];
        int count = 0;
        for (int item; (item = queue.get()) != DONE; ) {
            got[count++] = item;
        }
        results.put(Arrays.copyOf(got, count));
    }

    @Test
    void tenProducersAndTenConsumersMoveOneHundredThousandItemsExactlyOnce() throws Exception {
        Queue<Integer> queue = new Queue<>(100);
        Queue<int[]> results = new Queue<>();
        List<ChildProcess> producers = new ArrayList<>();
        List<ChildProcess> consumers = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            int producer = i;
            producers.add(new ChildProcess(() -> produce(queue, producer), "producer-" + i));
            consumers.add(new ChildProcess(() -> consume(queue, results), "consumer-" + i));
        }
        long start = System.nanoTime();
        consumers.forEach(ChildProcess::start);
        producers.forEach(ChildProcess::start);
        for (ChildProcess producer : producers) {
            producer.join(240);
            assertThat(producer.exitcode()).as(producer.name()).isZero();
        }
        for (int i = 0; i < PROCESSES; i++) {
            queue.put(DONE);
        }
        int[] seen = new int[PROCESSES * ITEMS_EACH];
        int total = 0;
        for (int i = 0; i < PROCESSES; i++) {
            for (int item : results.get(true, 240)) {
                seen[item]++;
                total++;
            }
        }
        for (ChildProcess consumer : consumers) {
            consumer.join(240);
            assertThat(consumer.exitcode()).as(consumer.name()).isZero();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("moved %d items in %.1f s%n", total, seconds);
        assertThat(total).isEqualTo(PROCESSES * ITEMS_EACH);
        assertThat(seen).as("every item exactly once").containsOnly(1);
        assertThat(queue.empty()).isTrue();
    }
}
