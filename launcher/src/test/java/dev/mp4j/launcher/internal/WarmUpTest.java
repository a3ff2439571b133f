package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.Target;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WarmUpTest {

    /** Counts how often an object stream rebuilt it: the heavy sample's decoding, seen from outside. */
    static final class Marker implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        static final AtomicInteger READS = new AtomicInteger();

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            READS.incrementAndGet();
        }
    }

    private static void neverRun(Object value) {
        throw new AssertionError("a warm-up sample is never run: " + value);
    }

    private static byte[] sample(Object captured) {
        Target target = () -> neverRun(captured);
        return new LaunchPayload(LambdaCodec.encode(target, "a sample"), "warm-up", new int[] {0}, false, new byte[0],
                Map.of(), 0).toBytes();
    }

    private static byte[] frame() {
        return WarmUp.frame(sample("light"), sample(new Marker()));
    }

    @Test
    void aJvmStillWaitingForItsPayloadDecodesTheHeavySampleTooOnceItHasWaitedAWhile() throws Exception {
        int before = Marker.READS.get();
        long start = System.nanoTime();

        WarmUp warmUp = WarmUp.start(frame());

        assertThat(warmUp.awaitHeavyTurn(10_000)).isTrue();
        assertThat(Marker.READS.get()).isEqualTo(before + 1);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(WarmUp.HEAVY_AFTER_MILLIS);
    }

    @Test
    void aPayloadArrivingBeforeTheHeavySamplesTurnLeavesItUndecoded() throws Exception {
        int before = Marker.READS.get();

        WarmUp warmUp = WarmUp.start(frame());
        warmUp.payloadArrived();

        assertThat(warmUp.awaitHeavyTurn(10_000)).isFalse();
        assertThat(Marker.READS.get()).isEqualTo(before);
    }

    @Test
    void anEmptyFrameWarmsNothing() throws Exception {
        assertThat(WarmUp.start(new byte[0]).awaitHeavyTurn(1_000)).isFalse();
    }
}
