package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mp4j.coroutines.gevent.Gevent;

class TenThousandSleepingCoroutinesTest {

    /** The article's own seconds: a 1 s sleep, so spawning 10 000 greenlets is small beside it. */
    private static final double SCALE = 1.0;

    @AfterEach
    void destroyHub() {
        Gevent.getHub().destroy();
    }

    @Test
    void tenThousandSleepsAtOnceCostAboutOneSleep() throws Exception {
        Console.run(0.01, () -> TenThousandSleepingCoroutines.main(new String[0])); // warm-up: JIT, class loading
        Console.Run run = Console.run(SCALE, () -> TenThousandSleepingCoroutines.main(new String[0]));

        assertThat(run.lines().get(0)).startsWith("10000 coroutines each slept 1.000 s");
        assertThat(run.lines()).contains("asleep at the same time: 10000", "woke in the order they slept: true");
        double cost = Console.number(run.lines(), "cost");
        double oneSleep = 1.0 * SCALE;
        assertThat(cost).isGreaterThanOrEqualTo(oneSleep * 0.98);
        // One after another it would be 10 000 sleeps. The bound is loose because the cost also holds the
        // CPU time of 10 000 starts, which a loaded 2-core machine can stretch.
        assertThat(cost / oneSleep).as("cost in sleeps").isLessThan(5.0);
        assertThat(Gevent.getHub().pending()).isZero();
    }
}
