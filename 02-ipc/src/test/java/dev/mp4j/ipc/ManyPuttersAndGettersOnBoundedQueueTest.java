package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ConsoleCapture;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(180)
class ManyPuttersAndGettersOnBoundedQueueTest {

    private static final Pattern LINE = Pattern.compile("(\\d+)\\(get\\):(\\d+)\\(put\\):(\\d+\\.\\d+)");

    @Test
    void tenGettersEachPrintOnePuttersItem() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ManyPuttersAndGettersOnBoundedQueue.main(new String[0]);
            List<String> lines = console.outLines();
            assertThat(lines).hasSize(10).allMatch(line -> LINE.matcher(line).matches(), "pid(get):pid(put):time");
            List<Matcher> parsed = lines.stream().map(LINE::matcher).peek(Matcher::matches).toList();
            assertThat(parsed.stream().map(m -> m.group(1)).distinct()).as("one line per getter").hasSize(10);
            assertThat(parsed.stream().map(m -> m.group(2)).distinct()).as("one item per putter").hasSize(10);
            assertThat(parsed.stream().map(m -> m.group(1))).doesNotContainAnyElementsOf(parsed.stream().map(m -> m.group(2)).toList());
            double now = System.currentTimeMillis() / 1e3;
            assertThat(parsed).allSatisfy(m -> assertThat(Double.parseDouble(m.group(3))).isBetween(now - 600, now + 1));
        }
    }

    /** With no getter yet, the main's ten putters fill the Queue(3) and seven of them wait in put(). */
    @Test
    void withNoGetterSevenOfTheTenPuttersWaitInPut() throws Exception {
        Queue<String> queue = new Queue<>(ManyPuttersAndGettersOnBoundedQueue.MAXSIZE);
        Value reachedPut = new Value('i', 0);
        List<ChildProcess> putters = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                ChildProcess putter = new ChildProcess(() -> {
                    try (var held = reachedPut.getLock().acquired()) {
                        reachedPut.setInt(reachedPut.getInt() + 1);
                    }
                    ManyPuttersAndGettersOnBoundedQueue.inputQ(queue);
                });
                putter.start();
                putters.add(putter);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> reachedPut.getInt() == 10 && queue.full());
            // every putter has called put(); only three items fit, so seven stay blocked
            await().atMost(Duration.ofSeconds(30)).until(() -> alive(putters) == 7);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> alive(putters) == 7);
            assertThat(queue.qsize()).isEqualTo(3);

            queue.get(); // one getter takes one item: exactly one waiting putter gets in
            await().atMost(Duration.ofSeconds(30)).until(() -> alive(putters) == 6);
            assertThat(queue.full()).isTrue();
        } finally {
            for (ChildProcess putter : putters) {
                putter.terminate(); // the ones still waiting in put(): this queue is thrown away
                putter.join(Duration.ofSeconds(30));
            }
        }
    }

    private static long alive(List<ChildProcess> processes) {
        return processes.stream().filter(ChildProcess::isAlive).count();
    }
}
