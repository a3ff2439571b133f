package dev.mp4j.launcher;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What only the launcher's Queue, JoinableQueue and SimpleQueue do, after CPython's _TestQueue; the rest is {@link QueueContract}. */
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
        await().atMost(Duration.ofSeconds(30)).until(() -> q.waitingGets() == 1); // its get has reached the owner
        waiter.kill();
        waiter.join(WAIT);
        q.put("for the living");
        assertThat(q.get(true, WAIT)).isEqualTo("for the living");
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
