package dev.mp4j.launcher.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a booted child JVM decodes while it waits for its payload, so that reading the real one finds
 * its classes loaded and linked: a light sample (a target capturing plain values), decoded at once, and
 * heavy ones (a shared lock, whose mapping is a JVM's first use of the FFM API), decoded only once the
 * JVM has waited
 * {@value #HEAVY_AFTER_MILLIS} ms more: during a burst of starts the payload comes sooner, and a spare
 * warming up then would only take a core from the children being started.
 */
public final class WarmUp {

    static final long HEAVY_AFTER_MILLIS = 200;

    private volatile boolean payloadArrived;
    private volatile boolean heavyDecoded;
    private Thread heavyTurn;

    /** The frame a parent sends a new JVM before its payload: the samples, each a {@link LaunchPayload}. */
    public static byte[] frame(byte[] light, byte[]... heavy) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Blocks.write(out, light);
            out.writeInt(heavy.length);
            for (byte[] sample : heavy) {
                Blocks.write(out, sample);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** Decodes the light sample now and leaves the heavy ones to a daemon thread; an empty frame warms nothing. */
    static WarmUp start(byte[] frame) throws IOException, ClassNotFoundException {
        WarmUp warmUp = new WarmUp();
        if (frame.length == 0) {
            return warmUp;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
        decode(Blocks.read(in));
        byte[][] heavy = new byte[in.readInt()][];
        for (int i = 0; i < heavy.length; i++) {
            heavy[i] = Blocks.read(in);
        }
        warmUp.heavyTurn = Thread.ofPlatform().daemon().name("mp4j-warm-up").start(() -> warmUp.decodeIfStillWaiting(heavy));
        return warmUp;
    }

    /** The payload is here: from now on warming up would only compete with it. */
    void payloadArrived() {
        payloadArrived = true;
    }

    private void decodeIfStillWaiting(byte[][] heavy) {
        try {
            Thread.sleep(HEAVY_AFTER_MILLIS);
            for (byte[] sample : heavy) {
                if (payloadArrived) {
                    return;
                }
                decode(sample);
            }
            heavyDecoded = true;
        } catch (InterruptedException | IOException | ClassNotFoundException ignored) {
            // a warm-up that does not happen only leaves the first payload slower
        }
    }

    /** Waits at most {@code millis} for the heavy samples' turn to end; whether all were decoded: for tests. */
    boolean awaitHeavyTurn(long millis) throws InterruptedException {
        if (heavyTurn != null) {
            heavyTurn.join(millis);
        }
        return heavyDecoded;
    }

    private static void decode(byte[] sample) throws IOException, ClassNotFoundException {
        LambdaCodec.decode(LaunchPayload.fromBytes(sample).body());
    }
}
