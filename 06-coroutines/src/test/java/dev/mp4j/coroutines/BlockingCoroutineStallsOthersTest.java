package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mp4j.coroutines.gevent.Gevent;

class BlockingCoroutineStallsOthersTest {

    private static final double SCALE = 0.25;

    @AfterEach
    void destroyHub() {
        Gevent.getHub().destroy();
    }

    @Test
    void oneBlockingCallHoldsUpEveryOtherGreenlet() throws Exception {
        Console.Run run = Console.run(SCALE, () -> BlockingCoroutineStallsOthers.main(new String[0]));
        List<String> lines = run.lines();

        assertThat(lines.stream().map(Console::text).toList()).containsExactly(
                "Running in foo",
                "阻塞时间最长,最后运行", // foo cannot be interrupted, so it finishes first
                "running in bar",
                "running in func3 ",
                "其它两个还在IO阻塞先运行",
                "foo()还在阻塞,这里第二个运行",
                "cost (with gevent.sleep(2) in foo it is about 2 s)");
        // bar could not even start until foo's 2 s were over; the whole costs the sum, not the longest.
        double fooStart = Console.stamp(lines, "Running in foo");
        assertThat(Console.stamp(lines, "running in bar") - fooStart).isGreaterThanOrEqualTo(1.95);
        assertThat(run.seconds() / ((2 + 1) * SCALE)).as("cost against the sum of the sleeps").isGreaterThanOrEqualTo(0.98);
    }
}
