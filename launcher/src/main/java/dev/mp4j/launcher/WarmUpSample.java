package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.LaunchPayload;
import dev.mp4j.launcher.internal.Serialization;
import java.util.Map;

/**
 * The payload a freshly launched child JVM reads first and deserializes while it waits for its real one,
 * loading object streams, the filter and lambda deserialization ahead of need. Serialized once per JVM,
 * on first use. Its target is never run.
 */
final class WarmUpSample {

    private static final byte[] BYTES = Serialization.toBytes(
            new LaunchPayload(new ChildProcess(WarmUpSample::noop, "warm-up", new int[] {0}), "warm-up", new int[] {0},
                    false, new byte[0], Map.of("mp4j.warmUp", "true"), 0),
            "the warm-up sample");

    private WarmUpSample() {
    }

    static byte[] bytes() {
        return BYTES;
    }

    private static void noop() {
    }
}
