package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ForkOptions;
import dev.mp4j.launcher.Processes;
import dev.mp4j.launcher.SharedBarrier;
import dev.mp4j.launcher.SharedCondition;
import dev.mp4j.launcher.SharedEvent;
import dev.mp4j.launcher.SharedLock;
import dev.mp4j.launcher.SharedSemaphore;
import dev.mp4j.launcher.internal.ValueCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager's proxies cross a process boundary as their endpoint and object id, without an object
 * stream; the copy reaches the same object on the server.
 */
@Timeout(60)
class ProxyTravelTest {

    private static Manager manager;

    @BeforeAll
    static void startManager() {
        manager = new Manager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    /** A copy of {@code proxy} as another process would rebuild it, checked to carry no object stream. */
    @SuppressWarnings("unchecked")
    private static <T> T travelled(T proxy) {
        byte[] bytes = ValueCodec.encode(proxy, "in a test");
        for (int i = 0; i + 1 < bytes.length; i++) {
            assertThat(bytes[i] == (byte) 0xAC && bytes[i + 1] == (byte) 0xED).as("an object stream in %s", proxy).isFalse();
        }
        Object copy = ValueCodec.decode(bytes);
        assertThat(copy).isNotSameAs(proxy).isExactlyInstanceOf(proxy.getClass());
        return (T) copy;
    }

    @Test
    void containerProxiesRebuiltReachTheServersObjects() {
        DictProxy<String, Integer> dict = manager.dict();
        ListProxy<String> list = manager.list();
        QueueProxy<String> queue = manager.joinableQueue();
        ValueProxy<Double> value = manager.value('d', 1.5);
        ArrayProxy<Integer> array = manager.array('i', List.of(1, 2));
        NamespaceProxy namespace = manager.namespace();

        travelled(dict).put("a", 1);
        travelled(list).add("x");
        QueueProxy<String> queueCopy = travelled(queue);
        queueCopy.put("job");
        travelled(value).setValue(2.5);
        travelled(array).set(1, 20);
        travelled(namespace).set("name", "mp4j");

        assertThat(dict).containsEntry("a", 1);
        assertThat(list).containsExactly("x");
        assertThat(queue.get()).isEqualTo("job");
        queueCopy.taskDone();
        queue.join(); // the copy is joinable too: its taskDone settled the only task
        assertThat(queueCopy.isJoinable()).isTrue();
        assertThat(value.value()).isEqualTo(2.5);
        assertThat(array).containsExactly(1, 20);
        assertThat(namespace.<String>get("name")).isEqualTo("mp4j");
    }

    @Test
    void synchronizationProxiesRebuiltShareTheServersState() {
        SharedLock lock = manager.lock();
        SharedLock rLock = manager.rLock();
        SharedSemaphore semaphore = manager.semaphore(1);
        SharedEvent event = manager.event();
        SharedCondition condition = manager.condition();
        SharedBarrier barrier = manager.barrier(2);

        assertThat(travelled(lock).acquire(false)).isTrue();
        assertThat(lock.acquire(false)).as("held through the copy").isFalse();
        lock.release();
        SharedLock rCopy = travelled(rLock);
        rCopy.acquire();
        assertThat(rLock.acquire(false)).as("re-entrant, as the original").isTrue();
        rLock.release();
        rLock.release();
        assertThat(travelled(semaphore).acquire(false)).isTrue();
        assertThat(semaphore.acquire(false)).isFalse();
        travelled(event).set();
        assertThat(event.isSet()).isTrue();
        SharedCondition conditionCopy = travelled(condition);
        conditionCopy.acquire();
        assertThat(condition.acquire(false)).as("its lock is re-entrant and held by this thread").isTrue();
        condition.release();
        conditionCopy.release();
        travelled(barrier).abort();
        assertThat(barrier.broken()).isTrue();
    }

    @Test
    void aRegisteredTypesProxyRebuiltCallsTheSameInstance() {
        manager.register("Counter", ManagerTest.Counter::new);
        ObjectProxy counter = manager.create("Counter");

        ObjectProxy copy = travelled(counter);
        copy.call("increment", 5);

        assertThat(copy.typeid()).isEqualTo("Counter");
        assertThat(counter.call("value")).isEqualTo(5);
    }

    @Test
    void aChildWhoseTargetCapturesADictAndAQueueProxyLoadsNoObjectInputStream(@TempDir Path directory) throws Exception {
        Path classLog = directory.resolve("classes.txt");
        DictProxy<String, String> dict = manager.dict();
        QueueProxy<String> done = manager.queue();
        ChildProcess child = new ChildProcess(() -> {
            dict.put("from", "child");
            done.put("done");
        });
        child.setForkOptions(ForkOptions.builder().jvmArgs("-Xlog:class+load=info:file=" + classLog).build());

        child.start();
        assertThat(done.get(true, 30)).isEqualTo("done");
        Processes.joinOk(child);

        assertThat(dict).containsEntry("from", "child");
        assertThat(Files.readAllLines(classLog)).anyMatch(line -> line.contains("dev.mp4j.launcher.managers.DictProxy "))
                .noneMatch(line -> line.contains("java.io.ObjectInputStream "));
    }
}
