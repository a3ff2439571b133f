package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Event;
import dev.mp4j.launcher.Lock;
import dev.mp4j.launcher.Pipe;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Target;
import dev.mp4j.launcher.Value;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which kind a child is: plain for a lambda whose captured values need neither an object stream nor a
 * socket, full for the rest; and, with real children once the caches are trained, that each kind boots
 * from its own cache with its own flags.
 */
@Timeout(300)
class ChildKindTest {

    private static void use(Object... values) {
        // a target's body: only what it captures matters
    }

    @Test
    void aLambdaCapturingNumbersTextArraysAndSharedMemoryHandlesIsPlain() {
        Queue<String> queue = new Queue<>();
        Lock lock = new Lock();
        Event event = new Event();
        Value value = new Value('i', 0);
        int number = 1;
        long big = 2;
        double real = 3;
        boolean truth = true;
        String text = "x";
        int[] numbers = {1};
        byte[] raw = {1};
        Target capturing = () -> use(queue, lock, event, value, number, big, real, truth, text, numbers, raw);
        Target capturingNothing = ChildKindTest::use;

        assertThat(ChildKind.of(capturing, false)).isEqualTo(ChildKind.PLAIN);
        assertThat(ChildKind.of(capturingNothing, false)).isEqualTo(ChildKind.PLAIN);
    }

    @Test
    void whatNeedsASocketAnObjectStreamOrTheTimelineIsFull() {
        Connection end = Pipe.create().conn2();
        List<Integer> items = List.of(1, 2);
        char letter = 'a'; // boxed as a Character, which only an object stream carries
        Target plain = () -> use(1);
        ChildProcess subclass = new Subclass(); // as ChildProcess.body() gives it: this::run

        assertThat(ChildKind.of((Target) () -> use(end), false)).as("a pipe end").isEqualTo(ChildKind.FULL);
        assertThat(ChildKind.of((Target) () -> use(items), false)).as("a list").isEqualTo(ChildKind.FULL);
        assertThat(ChildKind.of((Target) () -> use(letter), false)).as("a char").isEqualTo(ChildKind.FULL);
        assertThat(ChildKind.of(new NamedTarget(), false)).as("a class, not a lambda").isEqualTo(ChildKind.FULL);
        assertThat(ChildKind.of((Target) subclass::run, false)).as("a subclass's run()").isEqualTo(ChildKind.FULL);
        assertThat(ChildKind.of(plain, true)).as("recording a timeline").isEqualTo(ChildKind.FULL);
    }

    private static final class Subclass extends ChildProcess {
        @Override
        public void run() {
            // a subclass's body
        }
    }

    private static final class NamedTarget implements Target {
        @Override
        public void run() {
            // carried by an object stream
        }
    }

    @Test
    void eachKindOfChildBootsFromItsOwnCacheWithItsOwnFlags() throws Exception {
        String spares = System.getProperty(Spawner.SPARE_PROPERTY);
        System.setProperty(Spawner.SPARE_PROPERTY, "false"); // a spare boots from the plain cache, whoever takes it
        try {
            Queue<String> report = new Queue<>();
            // The first starts find no cache unless an earlier run trained it; training runs in the background.
            String[] plain = new String[1];
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> cacheOf(plain[0] = argumentsOf(() -> report.put(jvmArguments()), report)).contains("/plain-"));
            Object[] needsAnObjectStream = {"full"};
            String[] full = new String[1];
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)) // trained after the plain one
                    .until(() -> !cacheOf(full[0] = argumentsOf(() -> report.put(jvmArguments() + " " + needsAnObjectStream.length), report)).isEmpty());
            assertThat(cacheOf(full[0])).contains("/child-").doesNotContain("/plain-");
            for (String flag : ChildKind.PLAIN.jvmFlags()) {
                assertThat(plain[0].split(" ")).contains(flag);
                assertThat(full[0].split(" ")).doesNotContain(flag);
            }
        } finally {
            if (spares == null) {
                System.clearProperty(Spawner.SPARE_PROPERTY);
            } else {
                System.setProperty(Spawner.SPARE_PROPERTY, spares);
            }
        }
    }

    /** The JVM arguments of a child that puts them on {@code report}. */
    private static String argumentsOf(Target reporting, Queue<String> report) throws InterruptedException {
        ChildProcess child = new ChildProcess(reporting);
        child.start();
        String arguments = report.get(true, 60);
        child.join(Duration.ofSeconds(60));
        assertThat(child.exitcode()).isZero();
        return arguments;
    }

    /** The {@code -XX:AOTCache} flag among {@code arguments}, or "". */
    private static String cacheOf(String arguments) {
        return List.of(arguments.split(" ")).stream().filter(flag -> flag.startsWith("-XX:AOTCache=")).findFirst().orElse("");
    }

    private static String jvmArguments() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
