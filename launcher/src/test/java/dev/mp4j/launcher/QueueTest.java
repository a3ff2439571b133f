package dev.mp4j.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queue, JoinableQueue and SimpleQueue across JVMs, after CPython's _TestQueue. */
class QueueTest {

    private static final double WAIT = 20;

    /** Runs {@code body} in a child JVM and returns what it reported (a value or the exception's class name). */
    static Object inChild(Target body) throws Exception {
        Queue<Object> report = new Queue<>();
        ChildProcess child = new ChildProcess(() -> {
            try {
                body.run();
                report.put("ok");
            } catch (Throwable e) {
                report.put(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
        child.start();
        Object result = report.get(true, WAIT);
        child.join(WAIT);
        assertThat(child.exitcode()).isZero();
        return result;
    }

    static void reportElapsed(Queue<Object> report, Target body) throws Exception {
        long start = System.nanoTime();
        try {
            body.run();
            report.put("no exception");
        } catch (Empty | Full e) {
            report.put(e.getClass().getSimpleName() + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    static long millisIn(Object report) {
        String text = (String) report;
        return Long.parseLong(text.substring(text.indexOf("after ") + 6, text.indexOf(" ms")));
    }

    @Test
    void itemsFromParentAndChildComeOutInFifoOrder() throws Exception {
        Queue<String> q = new Queue<>();
        q.put("11");
        ChildProcess child = new ChildProcess(() -> q.put("22"));
        child.start();
        child.join();
        assertThat(q.getNowait()).isEqualTo("11");
        assertThat(q.getNowait()).isEqualTo("22");
        assertThatThrownBy(q::getNowait).isInstanceOf(Empty.class);
    }

    @Test
    void getWithTimeoutRaisesEmptyAfterAtLeastTheTimeoutInOwnerAndChild() throws Exception {
        Queue<String> q = new Queue<>();
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.get(true, 0.2)).isInstanceOf(Empty.class);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(195));
        assertThatThrownBy(() -> q.get(false, 0)).isInstanceOf(Empty.class);

        Queue<Object> report = new Queue<>();
        ChildProcess child = new ChildProcess(() -> {
            reportElapsed(report, () -> q.get(true, 0.2));
            reportElapsed(report, q::getNowait);
        });
        child.start();
        Object timed = report.get(true, WAIT);
        assertThat((String) timed).startsWith("Empty");
        assertThat(millisIn(timed)).isGreaterThanOrEqualTo(195);
        assertThat((String) report.get(true, WAIT)).startsWith("Empty");
        child.join(WAIT);
    }

    @Test
    void aFullQueueRefusesPutsWithFullAtOnceOrAfterTheTimeout() throws Exception {
        Queue<Integer> q = new Queue<>(2);
        q.put(1);
        q.put(2);
        assertThat(q.full()).isTrue();
        assertThatThrownBy(() -> q.putNowait(3)).isInstanceOf(Full.class);
        assertThatThrownBy(() -> q.put(3, false, 10)).isInstanceOf(Full.class);
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.put(3, true, 0.2)).isInstanceOf(Full.class);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(195));

        Queue<Object> report = new Queue<>();
        ChildProcess child = new ChildProcess(() -> {
            reportElapsed(report, () -> q.putNowait(3));
            reportElapsed(report, () -> q.put(3, true, 0.2));
            report.put(q.full() + " " + q.qsize());
        });
        child.start();
        assertThat((String) report.get(true, WAIT)).startsWith("Full");
        Object timed = report.get(true, WAIT);
        assertThat((String) timed).startsWith("Full");
        assertThat(millisIn(timed)).isGreaterThanOrEqualTo(195);
        assertThat(report.get(true, WAIT)).isEqualTo("true 2");
        child.join(WAIT);
        assertThat(q.get()).isEqualTo(1);
        assertThat(q.get()).isEqualTo(2);
    }

    @Test
    void aChildBlockedOnAFullQueueIsReleasedByAGetInTheParent() throws Exception {
        Queue<Integer> q = new Queue<>(1);
        q.put(1);
        ChildProcess child = new ChildProcess(() -> q.put(2));
        child.start();
        child.join(0.3);
        assertThat(child.isAlive()).as("blocked in put").isTrue();
        assertThat(q.get()).isEqualTo(1);
        assertThat(q.get(true, WAIT)).isEqualTo(2);
        child.join(WAIT);
        assertThat(child.exitcode()).isZero();
    }

    @Test
    void putAndGetAfterCloseAreRefusedOnThatHandleOnly() throws Exception {
        Queue<String> q = new Queue<>();
        q.put("x");
        Object child = inChild(() -> {
            q.put("from child");
            q.close();
            try {
                q.put("again");
            } catch (IllegalStateException refused) {
                try {
                    q.get();
                } catch (IllegalStateException alsoRefused) {
                    throw new IllegalStateException(refused.getMessage() + " / " + alsoRefused.getMessage());
                }
            }
        });
        assertThat(child).isEqualTo("IllegalStateException: Queue is closed / Queue is closed");
        assertThat(q.get()).isEqualTo("x");
        assertThat(q.get()).as("close delivered the child's put first").isEqualTo("from child");
        q.close();
        assertThatThrownBy(() -> q.put("y")).isInstanceOf(IllegalStateException.class).hasMessage("Queue is closed");
        assertThatThrownBy(q::get).isInstanceOf(IllegalStateException.class).hasMessage("Queue is closed");
    }

    @Test
    void qsizeEmptyAndFullSeeAChildsOwnPuts() throws Exception {
        Queue<Integer> q = new Queue<>();
        assertThat(q.empty()).isTrue();
        assertThat(inChild(() -> {
            for (int i = 0; i < 3; i++) {
                q.put(i);
            }
            if (q.qsize() != 3 || q.empty() || q.full()) {
                throw new AssertionError("qsize " + q.qsize());
            }
        })).isEqualTo("ok");
        assertThat(q.qsize()).isEqualTo(3);
        assertThat(q.empty()).isFalse();
    }

    @Test
    void anUnserializableItemFailsInPutInTheCallersThread() throws Exception {
        Queue<Object> q = new Queue<>();
        assertThatThrownBy(() -> q.put(new Object())).isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
        assertThat(inChild(() -> q.put(new Thread()))).asString().startsWith("SerializationException").contains("java.lang.Thread");
        assertThat(q.empty()).isTrue();
    }

    @Test
    void itemsAreCopiedWhenPut() {
        Queue<List<String>> q = new Queue<>();
        List<String> items = new ArrayList<>(List.of("a"));
        q.put(items);
        items.add("b");
        assertThat(q.get()).containsExactly("a");
    }

    @Test
    void aNegativeTimeoutIsZero() {
        Queue<String> q = new Queue<>();
        assertThatThrownBy(() -> q.get(true, -1)).isInstanceOf(Empty.class);
        assertThatThrownBy(() -> q.get(true, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinableQueueJoinWaitsForEveryTaskDoneAcrossProcesses() throws Exception {
        JoinableQueue<Integer> q = new JoinableQueue<>();
        for (int i = 0; i < 5; i++) {
            q.put(i);
        }
        Queue<Object> report = new Queue<>();
        ChildProcess worker = new ChildProcess(() -> {
            for (int i = 0; i < 5; i++) {
                report.put(q.get());
                q.taskDone();
            }
            try {
                q.taskDone();
            } catch (IllegalStateException e) {
                report.put(e.getMessage());
            }
        });
        worker.start();
        q.join();
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seen.add(report.get(true, WAIT));
        }
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, "task_done() called too many times");
        worker.join(WAIT);
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class).hasMessage("task_done() called too many times");
    }

    @Test
    void aChildCanJoinAJoinableQueueTheParentConsumes() throws Exception {
        JoinableQueue<String> q = new JoinableQueue<>();
        Queue<String> report = new Queue<>();
        ChildProcess producer = new ChildProcess(() -> {
            q.put("a");
            q.put("b");
            q.join();
            report.put("joined");
        });
        producer.start();
        assertThat(q.get(true, WAIT)).isEqualTo("a");
        q.taskDone();
        assertThat(q.get(true, WAIT)).isEqualTo("b");
        assertThatThrownBy(() -> report.get(true, 0.2)).as("one task still open").isInstanceOf(Empty.class);
        q.taskDone();
        assertThat(report.get(true, WAIT)).isEqualTo("joined");
        producer.join(WAIT);
    }

    static void relay(Queue<Queue<String>> handles) {
        Queue<String> inner = handles.get();
        inner.put("via a handle sent through a queue");
    }

    @Test
    void aQueueHandleSentThroughAnotherQueueWorksChildToChild() throws Exception {
        Queue<Queue<String>> handles = new Queue<>();
        Queue<String> result = new Queue<>();
        ChildProcess owner = new ChildProcess(() -> {
            Queue<String> mine = new Queue<>();
            handles.put(mine);
            result.put(mine.get(true, WAIT));
        });
        ChildProcess user = new ChildProcess(() -> relay(handles));
        owner.start();
        user.start();
        assertThat(result.get(true, WAIT)).isEqualTo("via a handle sent through a queue");
        owner.join(WAIT);
        user.join(WAIT);
    }

    @Test
    void aChildsGetFailsWhenTheOwnerOfTheQueueDies() throws Exception {
        Queue<Queue<String>> handles = new Queue<>();
        Queue<String> report = new Queue<>();
        ChildProcess owner = new ChildProcess(() -> {
            handles.put(new Queue<>());
            Thread.sleep(60_000);
        });
        owner.start();
        ChildProcess user = new ChildProcess(() -> {
            Queue<String> orphaned = handles.get();
            report.put("got the handle");
            try {
                orphaned.get(true, 60);
                report.put("got an item?");
            } catch (ConnectionClosedException e) {
                report.put("ConnectionClosedException: " + e.getMessage());
            }
        });
        user.start();
        assertThat(report.get(true, WAIT)).isEqualTo("got the handle");
        owner.kill();
        String failure = report.get(true, WAIT);
        assertThat(failure).startsWith("ConnectionClosedException").contains("has exited");
        user.join(WAIT);
        assertThat(user.exitcode()).isZero();
    }

    @Test
    void aConsumerKilledWhileWaitingDoesNotSwallowTheNextItem() throws Exception {
        Queue<String> q = new Queue<>();
        Queue<String> report = new Queue<>();
        ChildProcess waiter = new ChildProcess(() -> {
            report.put("waiting");
            q.get();
        });
        waiter.start();
        assertThat(report.get(true, WAIT)).isEqualTo("waiting");
        waiter.join(0.2); // let it reach the owner
        waiter.kill();
        waiter.join(WAIT);
        q.put("for the living");
        assertThat(q.get(true, WAIT)).isEqualTo("for the living");
    }

    @Test
    void aGetInterruptedInTheOwnerEndsWithCancellation() throws Exception {
        Queue<String> q = new Queue<>();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                q.get();
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        waiter.interrupt();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        waiter.join();
    }

    @Test
    void simpleQueueCarriesItemsFromAChild() throws Exception {
        SimpleQueue<String> q = new SimpleQueue<>();
        assertThat(q.empty()).isTrue();
        ChildProcess child = new ChildProcess(() -> q.put("simple"));
        child.start();
        child.join();
        assertThat(q.empty()).isFalse();
        assertThat(q.get()).isEqualTo("simple");
    }
}
