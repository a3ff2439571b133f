package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.AuthenticationException;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ConnectionClosedException;
import dev.mp4j.launcher.Empty;
import dev.mp4j.launcher.Full;
import dev.mp4j.launcher.SerializationException;
import dev.mp4j.launcher.SharedBarrier;
import dev.mp4j.launcher.SharedCondition;
import dev.mp4j.launcher.SharedEvent;
import dev.mp4j.launcher.SharedLock;
import dev.mp4j.launcher.SharedSemaphore;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Manager, after CPython's _TestManagerRestart, _TestMyManager, _TestRemoteManager and the manager
 * runs of _TestDict/_TestList/_TestNamespace/_TestValue/_TestQueue/_TestLock, plus what mp4j adds:
 * wrong keys, filtered payloads and a dead server.
 */
class ManagerTest {

    private static Manager manager;

    @BeforeAll
    static void startManager() {
        manager = new Manager();
    }

    @AfterAll
    static void stopManager() throws Exception {
        ChildProcess server = manager.serverProcess();
        manager.close();
        assertThat(server.isAlive()).as("the server exits with its manager").isFalse();
    }

    /** A user type for register(): public methods are exposed, the others are not. */
    public static final class Counter {
        private int count;

        public int increment(int by) {
            count += by;
            return count;
        }

        public int value() {
            return count;
        }

        public void fail(String why) {
            throw new IllegalArgumentException("counter refused: " + why);
        }

        int secret() {
            return 42;
        }

        @Override
        public String toString() {
            return "Counter(" + count + ")";
        }
    }

    public interface CounterApi {
        int increment(int by);

        int value();
    }

    @Test
    void dictProxyIsAMapWhoseOperationsRunOnTheServer() {
        DictProxy<String, Integer> d = manager.dict();
        assertThat(d.put("a", 1)).isNull();
        assertThat(d.put("a", 2)).isEqualTo(1);
        d.putAll(Map.of("b", 3));
        d.put("c", 4);
        assertThat(d).hasSize(3).containsEntry("a", 2).containsKey("b").doesNotContainKey("z");
        assertThat(d.get("z")).isNull();
        assertThat(d.getOrDefault("z", 9)).isEqualTo(9);
        assertThat(d.remove("b")).isEqualTo(3);
        assertThat(d.toString()).isEqualTo("{a=2, c=4}");
        assertThat(d.copy()).isEqualTo(new LinkedHashMap<>(Map.of("a", 2, "c", 4)));
        d.entrySet().removeIf(e -> e.getKey().equals("a"));
        assertThat(d.keySet()).containsExactly("c");
        d.clear();
        assertThat(d).isEmpty();
    }

    @Test
    void listProxyIsAListWhoseOperationsRunOnTheServer() {
        ListProxy<Integer> l = manager.list(List.of(0, 1, 2, 3, 4));
        l.add(5);
        l.add(0, -1);
        l.addAll(List.of(6, 7));
        assertThat(l).containsExactly(-1, 0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(l.get(3)).isEqualTo(2);
        assertThat(l.set(0, 100)).isEqualTo(-1);
        assertThat(l.remove(0)).isEqualTo(100);
        assertThat(l.remove(Integer.valueOf(7))).isTrue();
        assertThat(l.indexOf(3)).isEqualTo(3);
        assertThat(l.contains(6)).isTrue();
        assertThat(l.toString()).isEqualTo("[0, 1, 2, 3, 4, 5, 6]");
        l.sort((a, b) -> b - a);
        assertThat(l.copy()).containsExactly(6, 5, 4, 3, 2, 1, 0);
        assertThat(l).isEqualTo(List.of(6, 5, 4, 3, 2, 1, 0));
        assertThatThrownBy(() -> l.get(99)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void namespaceValueAndArrayProxies() {
        NamespaceProxy ns = manager.namespace();
        ns.set("name", "derek");
        ns.set("age", 3);
        assertThat(ns.<String>get("name")).isEqualTo("derek");
        assertThat(ns).hasToString("Namespace(name=derek, age=3)");
        ns.remove("age");
        assertThatThrownBy(() -> ns.get("age")).isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessageContaining("'Namespace' object has no attribute 'age'");

        ValueProxy<Double> x = manager.value('d', 0.0);
        x.setValue(3.14);
        assertThat(x.value()).isEqualTo(3.14);
        ValueProxy<Object> i = manager.value('i', 7);
        assertThatThrownBy(() -> i.setValue(2.9)).as("an 'i' holds an int, as a shared Value's does")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("int expected instead of float for typecode 'i'");
        assertThat(i.value()).isEqualTo(7);
        assertThatThrownBy(() -> manager.value('z', 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad typecode");

        ArrayProxy<Integer> arr = manager.array('i', IntStream.range(0, 10).boxed().toList());
        arr.set(0, 5);
        assertThat(arr).hasToString("array('i', [5, 1, 2, 3, 4, 5, 6, 7, 8, 9])");
        assertThat(arr.size()).isEqualTo(10);
        assertThatThrownBy(() -> arr.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void queueProxiesFollowPythonsQueue() {
        QueueProxy<String> q = manager.queue(2);
        q.put("a");
        q.put("b");
        assertThat(q.full()).isTrue();
        assertThatThrownBy(() -> q.put("c", true, 0.05)).isInstanceOf(Full.class);
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.get()).isEqualTo("a");
        assertThat(q.getNowait()).isEqualTo("b");
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.get(true, 0.1)).isInstanceOf(Empty.class);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));

        QueueProxy<Integer> jq = manager.joinableQueue();
        jq.put(1);
        jq.get();
        jq.taskDone();
        jq.join();
        assertThatThrownBy(jq::taskDone).isInstanceOf(IllegalStateException.class).hasMessage("task_done() called too many times");
    }

    @Test
    void proxiesPassedToChildrenWorkThere() throws Exception {
        DictProxy<Long, Long> d = manager.dict();
        ListProxy<Object> l = manager.list();
        QueueProxy<String> q = manager.queue();
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ChildProcess child = new ChildProcess(() -> {
                long pid = ProcessHandle.current().pid();
                d.put(pid, pid);
                l.add(pid);
                q.put("done " + pid);
            });
            child.start();
            children.add(child);
        }
        for (ChildProcess child : children) {
            child.join(30);
            assertThat(child.exitcode()).isZero();
        }
        List<Long> pids = children.stream().map(ChildProcess::pid).toList();
        assertThat(d).containsOnlyKeys(pids);
        assertThat(l).containsExactlyInAnyOrderElementsOf(pids);
        assertThat(List.of(q.get(), q.get())).containsExactlyInAnyOrderElementsOf(pids.stream().map(p -> "done " + p).toList());
    }

    @Test
    void aProxySentThroughAQueueProxyWorksInTheReceiver() throws Exception {
        QueueProxy<Object> q = manager.queue();
        ValueProxy<Integer> v = manager.value('i', 0);
        q.put(v);
        ChildProcess child = new ChildProcess(() -> {
            @SuppressWarnings("unchecked")
            ValueProxy<Integer> received = (ValueProxy<Integer>) q.get();
            received.setValue(41 + 1);
        });
        child.start();
        child.join(30);
        assertThat(v.value()).isEqualTo(42);
    }

    @Test
    void lockReleaseOfAnUnheldLockIsRefused() {
        SharedLock lock = manager.lock();
        assertThat(lock.acquire()).isTrue();
        assertThat(lock.acquire(false)).as("a Lock is not re-entrant").isFalse();
        assertThat(lock.acquire(true, 0.05)).isFalse();
        lock.release();
        assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class).hasMessage("release unlocked lock");
    }

    @Test
    void anRLockBelongsToItsOwningThread() throws Exception {
        SharedLock rlock = manager.rLock();
        rlock.acquire();
        rlock.acquire();
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> rlock.acquire(false));
        assertThat(other.get(10, TimeUnit.SECONDS)).as("another thread cannot take it").isFalse();
        CompletableFuture<Void> otherRelease = CompletableFuture.runAsync(rlock::release);
        assertThat(otherRelease).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().isInstanceOf(IllegalMonitorStateException.class).withMessage("cannot release un-acquired lock");
        rlock.release();
        rlock.release();
        assertThatThrownBy(rlock::release).isInstanceOf(IllegalMonitorStateException.class).hasMessage("cannot release un-acquired lock");
    }

    @Test
    void semaphoreEventConditionAndBarrier() throws Exception {
        SharedSemaphore bounded = manager.boundedSemaphore(1);
        assertThat(bounded.acquire()).isTrue();
        assertThat(bounded.acquire(true, 0.05)).isFalse();
        bounded.release();
        assertThatThrownBy(bounded::release).isInstanceOf(IllegalStateException.class).hasMessage("Semaphore released too many times");

        SharedEvent event = manager.event();
        assertThat(event.await(0.05)).isFalse();
        SharedCondition condition = manager.condition();
        assertThatThrownBy(condition::signal).isInstanceOf(IllegalMonitorStateException.class).hasMessageContaining("un-acquired lock");
        ChildProcess child = new ChildProcess(() -> {
            condition.acquire();
            try {
                event.set();
                if (!condition.await(30)) {
                    System.exit(3);
                }
            } finally {
                condition.release();
            }
        });
        child.start();
        assertThat(event.await(30)).isTrue();
        condition.acquire(); // free once the child waits: waiting released the lock
        condition.signalAll();
        condition.release();
        child.join(30);
        assertThat(child.exitcode()).as("the child was signalled, not timed out").isZero();

        SharedBarrier barrier = manager.barrier(2);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return barrier.await(30);
            } catch (BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
        });
        int mine = barrier.await(30);
        assertThat(List.of(mine, first.get(30, TimeUnit.SECONDS))).containsExactlyInAnyOrder(0, 1);
        barrier.abort();
        assertThatThrownBy(() -> barrier.await(1)).isInstanceOf(BrokenBarrierException.class);
    }

    @Test
    void registeredTypesExposeOnlyTheirPublicMethods() {
        manager.register("Counter", Counter::new);
        ObjectProxy counter = manager.create("Counter");
        assertThat(counter.call("increment", 5)).isEqualTo(5);
        assertThat(counter.call("increment", 2)).isEqualTo(7);
        assertThat(counter).hasToString("Counter(7)");
        assertThatThrownBy(() -> counter.call("secret")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("method 'secret' of Counter is not public");
        assertThatThrownBy(() -> counter.call("getClass")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> counter.call("nope")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Counter has no method 'nope'");

        CounterApi typed = counter.as(CounterApi.class);
        assertThat(typed.increment(1)).isEqualTo(8);

        manager.register("ReadOnlyCounter", Counter::new, "value");
        ObjectProxy readOnly = manager.create("ReadOnlyCounter");
        assertThat(readOnly.call("value")).isEqualTo(0);
        assertThatThrownBy(() -> readOnly.call("increment", 1)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("is not exposed");
    }

    @Test
    void anExceptionOnTheServerIsRethrownInTheCallerWithTheServersStack() {
        manager.register("Counter", Counter::new);
        ObjectProxy counter = manager.create("Counter");
        assertThatThrownBy(() -> counter.call("fail", "because"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("counter refused: because")
                .satisfies(e -> {
                    assertThat(e.getStackTrace()).anyMatch(frame -> frame.getClassName().contains("ManagedInstance"));
                    assertThat(e.getSuppressed()).singleElement().isInstanceOf(RemoteError.class);
                });
    }

    @Test
    void writeBehindSetsAreAppliedInOrderBeforeTheThreadsNextCall() throws Exception {
        DictProxy<Integer, Integer> d = manager.dict();
        ListProxy<Integer> l = manager.list();
        for (int i = 0; i < 10_000; i++) {
            d.set(i % 100, i);
            l.append(i);
        }
        assertThat(d.get(99)).as("the last write of each key won").isEqualTo(9_999);
        assertThat(l.size()).isEqualTo(10_000);
        assertThat(l.get(9_999)).isEqualTo(9_999);

        ChildProcess child = new ChildProcess(() -> {
            for (int i = 0; i < 1000; i++) {
                d.set(-i, i); // no explicit flush: the child's exit writes them out
            }
        });
        child.start();
        child.join(30);
        assertThat(child.exitcode()).isZero();
        assertThat(d.get(-999)).isEqualTo(999);

        d.set(1, 1);
        @SuppressWarnings({"unchecked", "rawtypes"})
        DictProxy<Integer, Object> raw = (DictProxy) d;
        raw.set(-5000, new File("/etc/passwd"));
        d.set(3, 3);
        assertThatThrownBy(d::flush).as("a failed write-behind call is thrown by the next call")
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.io.File");
        assertThat(d.get(3)).as("the later writes were applied").isEqualTo(3);
        assertThat(d.containsKey(-5000)).isFalse();
    }

    @Test
    void aRefusedClassInACallsPayloadIsRejectedAndTheServerSurvives() {
        DictProxy<String, Object> d = manager.dict();
        assertThatThrownBy(() -> d.put("file", new File("/etc/passwd")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.io.File");
        d.put("fine", 1);
        assertThat(d).containsOnlyKeys("fine");
    }

    @Test
    void remoteManagerOnTcpAcceptsTheRightKeyAndRefusesAWrongOne() throws Exception {
        byte[] key = "remote secret".getBytes(StandardCharsets.UTF_8);
        try (Manager server = Manager.serve(Address.tcp("127.0.0.1", 0), key)) {
            assertThat(server.address().host()).isEqualTo("127.0.0.1");
            DictProxy<String, Integer> results = server.dict();
            server.publish("results", results);
            Address address = server.address();
            ChildProcess worker = new ChildProcess(() -> {
                try (Manager remote = Manager.connect(address, "remote secret".getBytes(StandardCharsets.UTF_8))) {
                    DictProxy<String, Integer> shared = remote.lookup("results");
                    shared.put("from worker", 1);
                }
            });
            worker.start();
            worker.join(30);
            assertThat(worker.exitcode()).isZero();
            assertThat(results).containsEntry("from worker", 1);
            assertThatThrownBy(() -> Manager.connect(address, "wrong".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("refused this client");
            assertThat(results.size()).as("the server still serves").isEqualTo(1);
        }
    }

    @Test
    void aManagerRestartsOnTheSameTcpAddressAfterShutdown() throws IOException {
        byte[] key = "restart".getBytes(StandardCharsets.UTF_8);
        Address address;
        QueueProxy<String> old;
        try (Manager first = new Manager(Address.tcp("127.0.0.1", 0), key)) {
            address = first.address();
            old = first.queue();
            old.put("hello world");
        }
        try (Manager second = new Manager(address, key)) {
            assertThat(second.address()).isEqualTo(address);
            QueueProxy<String> q = second.queue();
            q.put("again");
            assertThat(q.get()).isEqualTo("again");
            assertThatThrownBy(old::get).as("an old proxy does not reach the new server's objects")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("was restarted");
        }
    }

    @Test
    void proxiesFailWithinASecondOnceTheServerHasDied() throws Exception {
        try (Manager doomed = new Manager()) {
            DictProxy<String, Integer> d = doomed.dict();
            d.put("a", 1);
            QueueProxy<String> q = doomed.queue();
            CompletableFuture<String> blocked = CompletableFuture.supplyAsync(q::get);
            doomed.serverProcess().kill();
            doomed.serverProcess().join(10);
            long start = System.nanoTime();
            assertThatThrownBy(() -> d.put("b", 2)).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("is gone");
            assertThat(blocked).failsWithin(1, TimeUnit.SECONDS).withThrowableThat()
                    .havingRootCause().isInstanceOf(java.io.EOFException.class);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        }
    }
}
