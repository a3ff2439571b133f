package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mp4j.coroutines.gevent.Gevent;

class SwitchOnGeventSleepTest {

    /** Large enough that start-up noise is small against the 2 s and 3 s being compared. */
    private static final double SCALE = 0.5;

    @AfterEach
    void destroyHub() {
        Gevent.getHub().destroy();
    }

    @Test
    void printsTheArticlesSixLinesInItsOrder() throws Exception {
        Console.Run run = Console.run(0.05, () -> SwitchOnGeventSleep.main(new String[0]));

        assertThat(run.lines()).containsExactly(
                "Running in foo",
                "running in bar",
                "running in func3 ",
                "其它两个还在IO阻塞先运行",
                "foo()还在阻塞,这里第二个运行",
                "阻塞时间最长,最后运行");
    }

    @Test
    void takesAboutTheLongestSleepNotTheSum() throws Exception {
        Console.Run run = Console.run(SCALE, () -> SwitchOnGeventSleep.main(new String[0]));

        double longest = 2 * SCALE;
        double sum = (2 + 1 + 0) * SCALE;
        assertThat(run.seconds()).isGreaterThanOrEqualTo(longest * 0.98);
        assertThat(run.seconds() / sum).as("cost as a share of the sum of the sleeps").isLessThan(0.85);
    }
}
