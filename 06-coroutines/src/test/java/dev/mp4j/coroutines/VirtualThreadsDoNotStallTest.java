package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VirtualThreadsDoNotStallTest {

    private static final double SCALE = 0.5;

    @Test
    void blockingSleepsOnOneCarrierKeepTheArticlesOrderAndCost() throws Exception {
        Console.Run run = Console.run(SCALE, () -> VirtualThreadsDoNotStall.main(new String[0]));
        List<String> lines = run.lines();

        assertThat(lines.stream().map(Console::text).toList()).hasSize(7).startsWith(
                "Running in foo",
                "running in bar",
                "running in func3 ",
                "其它两个还在IO阻塞先运行",
                "foo()还在阻塞,这里第二个运行",
                "阻塞时间最长,最后运行");
        assertThat(Console.text(lines.get(6))).startsWith("cost, on 1 carrier thread(s)");
        // foo's blocking sleep did not hold the single carrier: bar started right away, and the whole
        // took about foo's 2 s, not the 3 s of BlockingCoroutineStallsOthers.
        double fooStart = Console.stamp(lines, "Running in foo");
        assertThat(Console.stamp(lines, "running in bar") - fooStart).isLessThan(1.0);
        double fooEnd = Console.stamp(lines, "阻塞时间最长,最后运行");
        assertThat(fooEnd - fooStart).isBetween(1.95, 2.8);
    }
}
