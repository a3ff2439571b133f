package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.LambdaCodec;
import dev.mp4j.launcher.internal.LaunchPayload;
import java.util.Map;

/**
 * The payload a freshly launched child JVM reads first and decodes while it waits for its real one,
 * loading ahead of need what a payload takes: its layout, resolving a lambda's implementation, and an
 * object stream for captured values that are not plain (the {@code int[]} here). Encoded once per JVM,
 * on first use. Its target is never run.
 */
final class WarmUpSample {

    private static final byte[] BYTES = sample("warm-up", new int[] {0});

    private WarmUpSample() {
    }

    static byte[] bytes() {
        return BYTES;
    }

    private static byte[] sample(String text, int[] numbers) {
        Target target = () -> neverRun(text, numbers);
        return new LaunchPayload(LambdaCodec.encode(target, "the warm-up sample"), "warm-up", new int[] {0}, false,
                new byte[0], Map.of("mp4j.warmUp", "true"), 0).toBytes();
    }

    private static void neverRun(String text, int[] numbers) {
        throw new IllegalStateException("the warm-up sample is decoded, never run: " + text + numbers.length);
    }
}
