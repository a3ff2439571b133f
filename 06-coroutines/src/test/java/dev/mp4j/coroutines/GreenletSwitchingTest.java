package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mp4j.coroutines.gevent.Greenlet;

class GreenletSwitchingTest {

    @Test
    void eachSwitchResumesTheOtherWhereItStopped() throws Exception {
        Console.Run run = Console.run(0.05, () -> GreenletSwitching.main(new String[0]));

        assertThat(run.lines()).containsExactly("12", "56", "34", "78");
    }

    @Test
    void test2ReturnsToMainAndTheSuspendedTest1IsKilled() throws Exception {
        Console.run(0.05, () -> GreenletSwitching.main(new String[0]));

        Greenlet[] greenlets = GreenletSwitching.lastGreenlets();
        assertThat(greenlets[1].isDead()).as("gr2 ran to its end").isTrue();
        assertThat(greenlets[0].isDead()).as("gr1, left at its second switch, is killed by main").isTrue();
    }
}
