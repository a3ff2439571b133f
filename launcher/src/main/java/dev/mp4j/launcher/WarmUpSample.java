package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.LambdaCodec;
import dev.mp4j.launcher.internal.LaunchPayload;
import dev.mp4j.launcher.internal.WarmUp;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The samples a freshly launched child JVM decodes while it waits for its real payload ({@link WarmUp}):
 * a target capturing a plain value, which loads the payload's layout and resolving a lambda's
 * implementation, and one capturing a {@link Lock}, whose shared block the child maps. Nothing warms an
 * object stream: spares boot as {@code ChildKind.PLAIN} children, whose targets need none, and a spare
 * left over at the end of a burst would spend ~100 ms of CPU on it for nobody. Encoded once per JVM, on
 * first use (the lock is this JVM's, kept for its life), which comes only when a spare boots. No target is
 * ever run. {@link #SUPPLIER} is what {@link ChildProcess#start()} hands the spawner: an object, not a
 * method reference, which a program's first start would generate a class for.
 */
final class WarmUpSample implements Supplier<byte[]> {

    static final WarmUpSample SUPPLIER = new WarmUpSample();

    private WarmUpSample() {
    }

    @Override
    public byte[] get() {
        return Encoded.BYTES;
    }

    /** Encoded on first use. */
    private static final class Encoded {
        static final byte[] BYTES = WarmUp.frame(
                sample(lightTarget("warm-up")),
                sample(lockTarget(new Lock())));
    }

    private static Target lightTarget(String text) {
        return () -> neverRun(text, 0);
    }

    private static Target lockTarget(Lock lock) {
        return () -> neverRun(lock.toString(), 0);
    }

    private static byte[] sample(Target target) {
        return new LaunchPayload(LambdaCodec.encode(target, "the warm-up sample"), "warm-up", new int[] {0}, false,
                new byte[0], Map.of("mp4j.warmUp", "true"), 0).toBytes();
    }

    private static void neverRun(String text, int number) {
        throw new IllegalStateException("the warm-up sample is decoded, never run: " + text + number);
    }
}
