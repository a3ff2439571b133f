package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.LambdaCall;
import dev.mp4j.launcher.internal.LambdaCodec;
import dev.mp4j.launcher.internal.Serialization;
import dev.mp4j.launcher.internal.ValueCodec;
import dev.mp4j.launcher.internal.ValueRun;
import dev.mp4j.launcher.managers.Manager;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher's handles cross a process boundary as their own fields, without an object stream: the
 * copy works on the same shared state as the original. What cannot write itself (a user's subclass, a
 * barrier's action, a user's lock inside a value) still travels in an object stream, and
 * serialization keeps working for handles inside a user's own objects.
 */
@Timeout(60)
class HandleTravelTest {

    private static final byte STREAM_MAGIC_HIGH = (byte) 0xAC;
    private static final byte STREAM_MAGIC_LOW = (byte) 0xED;

    /** A copy of {@code handle} as another process would rebuild it, checked to carry no object stream. */
    @SuppressWarnings("unchecked")
    private static <T> T travelled(T handle) {
        byte[] bytes = ValueCodec.encode(handle, "in a test");
        assertThat(containsObjectStream(bytes)).as("an object stream in the bytes of %s", handle).isFalse();
        Object copy = ValueCodec.decode(bytes);
        assertThat(copy).isNotSameAs(handle).isExactlyInstanceOf(handle.getClass());
        return (T) copy;
    }

    private static boolean containsObjectStream(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == STREAM_MAGIC_HIGH && bytes[i + 1] == STREAM_MAGIC_LOW) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTargetCapturingAQueueALockAndAStringEncodesWithoutAnObjectStreamAndWorksRebuilt() throws Exception {
        Queue<String> queue = new Queue<>();
        Lock lock = new Lock();
        String text = "取到";
        Target target = () -> {
            try (Held held = lock.acquired()) {
                queue.put(text + lock.isOwned());
            }
        };

        byte[] bytes = LambdaCodec.encode(target, "a test target");
        assertThat(containsObjectStream(bytes)).isFalse();
        LambdaCall rebuilt = (LambdaCall) LambdaCodec.decode(bytes);
        rebuilt.invoke();

        assertThat(queue.get(true, 5)).isEqualTo("取到true");
        assertThat(lock.acquire(false)).as("the rebuilt lock released the shared word").isTrue();
        lock.release();
    }

    @Test
    void aHandleThatRecursInARunArrivesAsOneObject() {
        Queue<String> queue = new Queue<>();
        Lock lock = new Lock();

        byte[] bytes = ValueRun.encode(new Object[] {queue, "x", lock, queue, lock}, "in a test");
        Object[] values = ValueRun.decode(bytes, 0, bytes.length);

        assertThat(containsObjectStream(bytes)).isFalse();
        assertThat(values[3]).isSameAs(values[0]).isNotSameAs(queue);
        assertThat(values[4]).isSameAs(values[2]);
        assertThat(values[1]).isEqualTo("x");
        ((Queue<?>) values[0]).close();
        assertThat(((Queue<?>) values[3]).closed()).isTrue();
    }

    @Test
    void queuesRebuiltFromTheirFieldsShareTheirItems() {
        Queue<Integer> queue = new Queue<>(2);
        JoinableQueue<String> joinable = new JoinableQueue<>();
        SimpleQueue<String> simple = new SimpleQueue<>();

        Queue<Integer> queueCopy = travelled(queue);
        queueCopy.put(7);
        queueCopy.put(8);
        JoinableQueue<String> joinableCopy = travelled(joinable);
        joinableCopy.put("job");
        travelled(simple).put("s");

        assertThat(queueCopy.maxsize()).isEqualTo(2);
        assertThatThrownBy(() -> queue.putNowait(9)).isInstanceOf(Full.class);
        assertThat(List.of(queue.get(), queue.get())).containsExactly(7, 8);
        assertThat(joinable.get()).isEqualTo("job");
        joinableCopy.taskDone();
        joinable.join(); // returns at once: the copy marked the only task done
        assertThatThrownBy(joinable::taskDone).hasMessage("task_done() called too many times");
        assertThat(simple.get()).isEqualTo("s");
    }

    @Test
    void aBrokerQueueRebuiltElsewhereReachesItsOwner() {
        Queue<String> owned = new Queue<>(0, false);
        Queue<String> copy = travelled(owned);

        copy.put("via the owner");

        assertThat(owned.get(true, 5)).isEqualTo("via the owner");
    }

    @Test
    void locksAndSemaphoresRebuiltShareTheirWords() {
        Lock lock = new Lock();
        RLock rLock = new RLock();
        Semaphore semaphore = new Semaphore(2);
        BoundedSemaphore bounded = new BoundedSemaphore(1);

        assertThat(travelled(lock).acquire(false)).isTrue();
        assertThat(lock.acquire(false)).as("held through the copy").isFalse();
        RLock rCopy = travelled(rLock);
        rCopy.acquire();
        rCopy.acquire();
        assertThat(rLock.depth()).isEqualTo(2);
        assertThat(travelled(semaphore).acquire(false)).isTrue();
        assertThat(semaphore.getValue()).isEqualTo(1);
        BoundedSemaphore boundedCopy = travelled(bounded);
        assertThatThrownBy(boundedCopy::release).hasMessage("Semaphore released too many times");
        assertThat(bounded.acquire(false)).isTrue();
        boundedCopy.release();
        assertThat(bounded.getValue()).isEqualTo(1);
    }

    @Test
    void eventsConditionsAndBarriersRebuiltShareTheirState() throws Exception {
        Event event = new Event();
        Condition condition = new Condition(new Lock());
        Barrier barrier = new Barrier(1, null, 5);

        travelled(event).set();
        Condition conditionCopy = travelled(condition);
        Barrier barrierCopy = travelled(barrier);
        conditionCopy.acquire();

        assertThat(event.isSet()).isTrue();
        assertThat(condition.lock().isOwned()).as("the copy's lock is the original's").isTrue();
        condition.signal(1); // would raise IllegalMonitorStateException were the copy's lock another
        condition.release();
        assertThat(barrierCopy.parties()).isEqualTo(1);
        barrierCopy.abort();
        assertThat(barrier.broken()).isTrue();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class);
    }

    @Test
    void sharedValuesAndArraysRebuiltShareTheirMemoryAndLock() {
        Value counter = new Value('i', 41);
        Value raw = Value.raw('d', 1.5);
        Array array = new Array('l', new int[] {1, 2, 3});

        Value counterCopy = travelled(counter);
        counterCopy.set(counterCopy.get().intValue() + 1);
        Array arrayCopy = travelled(array);
        arrayCopy.set(-1, 30);

        assertThat(counter.get()).isEqualTo(42);
        assertThat(travelled(raw).get()).isEqualTo(1.5);
        assertThatThrownBy(travelled(raw)::getLock).isInstanceOf(UnsupportedOperationException.class);
        assertThat(array.toList()).containsExactly((Number) 1L, 2L, 30L);
        counter.getLock().acquire();
        assertThat(counterCopy.getLock().isOwned()).as("one lock behind both").isTrue();
        counter.getLock().release();
    }

    @Test
    void pipeEndsRebuiltReachTheOtherEnd() {
        Pipe pipe = Pipe.create();
        Pipe pipeCopy = travelled(pipe);
        Connection end = travelled(pipe.conn2());

        end.send("one");
        pipeCopy.conn2().send("two");

        assertThat(pipe.conn1().recv()).isEqualTo("one");
        assertThat(pipe.conn1().recv()).isEqualTo("two");
        pipe.conn2().close();
        assertThatThrownBy(() -> ValueCodec.encode(pipe.conn2(), "in a test")).hasMessage("handle is closed");
    }

    @Test
    void whatCannotWriteItselfStillTravelsInAnObjectStream() throws Exception {
        Barrier withAction = new Barrier(1, () -> { }, 5);
        SubclassedQueue subclassed = new SubclassedQueue("mine");

        assertThat(ValueCodec.encode(withAction, "in a test")[0]).isEqualTo(STREAM_MAGIC_HIGH);
        byte[] subclassBytes = ValueCodec.encode(subclassed, "in a test");
        assertThat(subclassBytes[0]).isEqualTo(STREAM_MAGIC_HIGH);
        SubclassedQueue copy = (SubclassedQueue) ValueCodec.decode(subclassBytes);
        copy.put("x");
        assertThat(copy.label).isEqualTo("mine");
        assertThat(subclassed.get()).isEqualTo("x");
        Value overUsersLock = new Value('i', 5, new UsersLock());
        byte[] valueBytes = ValueCodec.encode(overUsersLock, "in a test");
        assertThat(valueBytes[0]).isEqualTo(STREAM_MAGIC_HIGH);
        assertThat(((Value) ValueCodec.decode(valueBytes)).get()).isEqualTo(5);
    }

    @Test
    void aValueOverAManagersLockWritesItselfAndTheLockIsTheServersStill() {
        try (Manager manager = new Manager()) {
            SharedLock lock = manager.lock();
            Value overManagerLock = new Value('i', 5, lock);

            Value copy = travelled(overManagerLock);
            copy.getLock().acquire();
            boolean freeWhileCopyHolds = lock.acquire(false); // a manager's Lock is not re-entrant
            copy.getLock().release();
            copy.set(6);

            assertThat(freeWhileCopyHolds).as("held through the copy").isFalse();
            assertThat(overManagerLock.get()).isEqualTo(6);
        }
    }

    @Test
    void handlesInsideAUsersObjectStillSerializeAndShareOneLock() throws IOException, ClassNotFoundException {
        RLock lock = new RLock();
        Holder holder = new Holder(lock, new Value('i', 1, lock));

        Holder copy = (Holder) Serialization.fromBytes(Serialization.toBytes(holder, "a holder"));

        assertThat(copy.value.getLock()).isSameAs(copy.lock);
        copy.lock.acquire();
        assertThat(lock.isOwned()).isTrue();
        copy.lock.release();
    }

    @Test
    void aChildWhoseTargetCapturesAQueueAndALockLoadsNoObjectInputStream(@TempDir Path directory) throws Exception {
        Path classLog = directory.resolve("classes.txt");
        Queue<String> queue = new Queue<>();
        Lock lock = new Lock();
        ChildProcess child = new ChildProcess(() -> {
            try (Held held = lock.acquired()) {
                queue.put("in child");
            }
        });
        child.setForkOptions(ForkOptions.builder().jvmArgs("-Xlog:class+load=info:file=" + classLog).build());

        child.start();
        assertThat(queue.get(true, 30)).isEqualTo("in child");
        Processes.joinOk(child);

        assertThat(Files.readAllLines(classLog)).anyMatch(line -> line.contains("dev.mp4j.launcher.Lock "))
                .noneMatch(line -> line.contains("java.io.ObjectInputStream "));
        assertThat(lock.acquire(false)).isTrue();
    }

    /** A user's subclass: its own field travels only in an object stream. */
    static final class SubclassedQueue extends Queue<String> {
        final String label;

        SubclassedQueue(String label) {
            this.label = label;
        }
    }

    record Holder(RLock lock, Value value) implements Serializable {
    }

    /** A user's own lock: not a handle, so what holds it travels in an object stream. */
    static final class UsersLock implements SharedLock {
        private boolean held;

        @Override
        public synchronized boolean acquire(boolean block, double timeoutSeconds) {
            if (held) {
                return false;
            }
            held = true;
            return true;
        }

        @Override
        public synchronized void release() {
            held = false;
        }

        @Override
        public synchronized boolean isOwned() {
            return held;
        }
    }
}
