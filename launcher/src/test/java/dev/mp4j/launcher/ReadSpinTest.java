package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The window a receive reads in before it sleeps: it follows what the reads find. */
@Timeout(10)
class ReadSpinTest {

    @Test
    void aFreshConnectionReadsForHalfTheLongestWindow() {
        assertThat(new ReadSpin().windowNanos()).isEqualTo(ReadSpin.MAX_NANOS / 2);
    }

    @Test
    void aFrameFoundLateWidensTheWindowUpToItsCap() {
        ReadSpin spin = new ReadSpin();
        spin.found(20_000);
        assertThat(spin.windowNanos()).isEqualTo(40_000);
        spin.found(1_000_000);
        assertThat(spin.windowNanos()).isEqualTo(ReadSpin.MAX_NANOS);
    }

    @Test
    void aFrameFoundEarlyKeepsTheWindowItHas() {
        ReadSpin spin = new ReadSpin();
        spin.found(100);
        assertThat(spin.windowNanos()).isEqualTo(ReadSpin.MAX_NANOS / 2);
    }

    @Test
    void windowsThatRunOutCloseItWithinAFewReceives() {
        ReadSpin spin = new ReadSpin();
        int receives = 0;
        while (spin.windowNanos() > 0 && receives < 100) {
            spin.ranOut();
            receives++;
        }
        assertThat(receives).isBetween(3, 5);
    }

    @Test
    void aClosedWindowIsProbedAgainEveryFewReceivesAndReopensWhenTheProbeFindsAFrame() {
        ReadSpin spin = closed();
        int sleptAtOnce = 0;
        while (spin.windowNanos() == 0 && sleptAtOnce < 1_000) {
            sleptAtOnce++;
        }
        assertThat(sleptAtOnce).isEqualTo(ReadSpin.PROBE_EVERY - 1);
        spin.found(3_000);
        assertThat(spin.windowNanos()).isEqualTo(6_000);
    }

    @Test
    void aProbeThatRunsOutClosesTheWindowAgain() {
        ReadSpin spin = closed();
        for (int receive = 1; receive < ReadSpin.PROBE_EVERY; receive++) {
            assertThat(spin.windowNanos()).isZero();
        }
        assertThat(spin.windowNanos()).isPositive(); // the probe
        spin.ranOut();
        assertThat(spin.windowNanos()).isZero();
    }

    private static ReadSpin closed() {
        ReadSpin spin = new ReadSpin();
        for (int i = 0; i < 10; i++) {
            spin.ranOut();
        }
        return spin;
    }
}
