package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.JoinableQueue;
import dev.mp4j.launcher.Multiprocessing;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerConsumerWithJoinableQueueTest {

    @Test
    void theProducerFinishesAfterEveryBunAndTheProgramEnds() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ProducerConsumerWithJoinableQueue.main(new String[0]);
            List<String> lines = ProducerConsumerWithQueueTest.plain(console.outLines());
            List<String> produced = IntStream.range(0, 10).mapToObj(i -> "生产者厨师1生产了包子" + i).toList();
            assertThat(lines.stream().filter(l -> l.startsWith("生产者")).toList()).isEqualTo(produced);
            assertThat(lines).containsSubsequence("生产者厨师1生产了包子9", "============>>", "主进程");
            assertThat(lines.indexOf("主进程")).isGreaterThan(lines.indexOf("============>>"));
        } finally {
            // main returned: what is left is the daemon consumer, which Python reclaims at exit
            for (ChildProcess leftover : Multiprocessing.activeChildren()) {
                assertThat(leftover.daemon()).isTrue();
                leftover.terminate();
                leftover.join(10);
            }
        }
    }

    @Test
    void joinReturnsOnlyAfterTenTaskDoneCalls() throws Exception {
        JoinableQueue<String> q = new JoinableQueue<>();
        List<String> seq = IntStream.range(0, 10).mapToObj(i -> "包子" + i).toList();
        ChildProcess c = new ChildProcess(() -> ProducerConsumerWithJoinableQueue.consumer(q, "egon"));
        c.setDaemon(true);
        ChildProcess p = new ChildProcess(() -> ProducerConsumerWithJoinableQueue.producer(seq, q, "厨师1"));
        try (ConsoleCapture console = ConsoleCapture.start()) {
            c.start();
            p.start();
            p.join(30);
            assertThat(p.exitcode()).isZero();
            assertThat(q.qsize()).isZero();
            // the producer's join() returned, so all ten items were marked done: an eleventh is too many
            assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class).hasMessage("task_done() called too many times");
        } finally {
            c.terminate();
            c.join(10);
        }
    }
}
