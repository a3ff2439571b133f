package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SharedQueue}, as CPython runs _TestQueue for processes and managers: run
 * against the launcher's Queue and a manager's queue. Both raise the launcher's {@link Empty} and
 * {@link Full}, so one {@code catch} serves both.
 */
abstract class QueueContract {

    static final double WAIT = 30;

    abstract <T> SharedQueue<T> newQueue(int maxsize);

    /** What {@code body} raised, as the class name and the milliseconds it took, or "no exception". */
    static String outcome(Target body) throws Exception {
        long start = System.nanoTime();
        try {
            body.run();
            return "no exception";
        } catch (Empty | Full e) {
            return e.getClass().getSimpleName() + " after " + (System.nanoTime() - start) / 1_000_000 + " ms";
        }
    }

    static long millisIn(String outcome) {
        return Long.parseLong(outcome.substring(outcome.indexOf("after ") + 6, outcome.indexOf(" ms")));
    }

    @Test
    void itemsFromParentAndChildComeOutInFifoOrder() throws Exception {
        SharedQueue<String> q = newQueue(0);
        q.put("11");
        Processes.joinOk(Processes.start(() -> q.put("22")));
        assertThat(q.getNowait()).isEqualTo("11");
        assertThat(q.get(true, WAIT)).isEqualTo("22");
    }

    @Test
    void anEmptyQueueRaisesEmptyAtOnceOrAfterAtLeastTheTimeout() throws Exception {
        SharedQueue<String> q = newQueue(0);
        assertThat(outcome(q::getNowait)).startsWith("Empty");
        assertThat(outcome(() -> q.get(false, 10))).startsWith("Empty");
        String timed = outcome(() -> q.get(true, 0.2));
        assertThat(timed).startsWith("Empty");
        assertThat(millisIn(timed)).isGreaterThanOrEqualTo(200);

        Queue<String> report = new Queue<>();
        ChildProcess child = Processes.start(() -> report.put(outcome(() -> q.get(true, 0.2))));
        String inChild = report.get(true, WAIT);
        assertThat(inChild).startsWith("Empty");
        assertThat(millisIn(inChild)).isGreaterThanOrEqualTo(200);
        Processes.joinOk(child);
    }

    @Test
    void aNegativeTimeoutIsZeroAndNaNIsRefused() {
        SharedQueue<String> q = newQueue(1);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outcome(() -> q.get(true, -1)))).startsWith("Empty");
        q.put("x");
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outcome(() -> q.put("y", true, -1)))).startsWith("Full");
        assertThatThrownBy(() -> q.put("y", true, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullQueueRaisesFullAtOnceOrAfterAtLeastTheTimeout() throws Exception {
        SharedQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        assertThat(q.full()).isTrue();
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.empty()).isFalse();
        assertThat(outcome(() -> q.putNowait(3))).startsWith("Full");
        assertThat(outcome(() -> q.put(3, false, 10))).startsWith("Full");
        String timed = outcome(() -> q.put(3, true, 0.2));
        assertThat(timed).startsWith("Full");
        assertThat(millisIn(timed)).isGreaterThanOrEqualTo(200);

        Queue<String> report = new Queue<>();
        ChildProcess child = Processes.start(() -> {
            report.put(outcome(() -> q.putNowait(3)));
            report.put(q.full() + " " + q.qsize());
        });
        assertThat(report.get(true, WAIT)).startsWith("Full");
        assertThat(report.get(true, WAIT)).isEqualTo("true 2");
        Processes.joinOk(child);
        assertThat(q.get()).isEqualTo(1);
        assertThat(q.get()).isEqualTo(2);
        assertThat(q.empty()).isTrue();
    }

    @Test
    void aChildBlockedInPutOnAFullQueueGoesOnOnceTheParentGets() throws Exception {
        SharedQueue<Integer> q = newQueue(1);
        q.put(1);
        Event putting = new Event();
        Event done = new Event();
        ChildProcess child = Processes.start(() -> {
            putting.set();
            q.put(2);
            done.set();
        });
        assertThat(putting.await(WAIT)).isTrue();
        assertThat(done.await(0.3)).as("the child's put waits for room").isFalse();
        assertThat(q.get()).isEqualTo(1);
        assertThat(done.await(WAIT)).isTrue();
        assertThat(q.get(true, WAIT)).isEqualTo(2);
        Processes.joinOk(child);
    }

    @Test
    void anInterruptedGetIsCancelled() throws Exception {
        SharedQueue<String> q = newQueue(0);
        Interrupts.assertInterruptedWaitIsCancelled(q::get);
    }
}
