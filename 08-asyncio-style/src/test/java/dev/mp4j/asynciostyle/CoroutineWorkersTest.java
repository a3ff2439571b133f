package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.support.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedRedis.class)
class CoroutineWorkersTest {

    private static final double SCALE = 0.3;

    @Test
    void twoWorkersOnOneLoopRunTwoJobsAtATimeAndCtrlCCancelsThemCleanly(LocalRedis redis) throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        List<String> lines = Stdout.captureOnceAtScale(SCALE, () -> {
            EventLoop loop = Asyncio.getEventLoop();
            loop.setExceptionHandler((l, context) -> reports.add(context.message()));
            Stdout.pressWhenPrinted(8, loop::interrupt);   // Ctrl+C once the three jobs are done
            CoroutineWorkers.run(redis, -1, CoroutineWorkers.SCRIPT);
        });
        assertThat(lines).hasSize(9);
        assertThat(lines.getFirst()).isEqualTo("Start worker");
        assertThat(lines.subList(0, 4)).containsExactlyInAnyOrder("Start worker", "Start worker", "Wait  3", "Wait  1");
        assertThat(lines.indexOf("Wait  3")).isLessThan(lines.indexOf("Wait  1"));   // rpop takes the oldest push
        // Two jobs at a time: the 1 s job finishes while the 3 s one still sleeps.
        assertThat(indexOf(lines, "Done  b'1'")).isLessThan(indexOf(lines, "Done  b'3'"));
        assertThat(indexOf(lines, "Wait  2")).isLessThan(indexOf(lines, "Done  b'2'"));
        assertThat(lines.get(8)).isEqualTo("True");
        // Each job's time is its own sleep (plus at most the 1 s poll), not the sum of the others.
        for (int n : new int[] {1, 2, 3}) {
            assertThat(Stdout.seconds(lines, "Done  b'" + n + "'"))
                    .isGreaterThanOrEqualTo(n * SCALE).isLessThan((n + 1.5) * SCALE);
        }
        assertThat(reports).isEmpty();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " in " + lines);
    }
}
