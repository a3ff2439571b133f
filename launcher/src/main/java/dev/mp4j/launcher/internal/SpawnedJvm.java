package dev.mp4j.launcher.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A child JVM that is running {@link ChildMain} and waiting for its payload on standard input. Its
 * output is already being copied to ours. A spare whose parent ends before using it reads end-of-file
 * and exits.
 */
public final class SpawnedJvm {

    static final int PAYLOAD_MAGIC = 0x6d70346a; // "mp4j"
    private static final long DISCARD_WAIT_SECONDS = 5;

    private final java.lang.Process process;
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final BootWatch boot = new BootWatch();

    SpawnedJvm(java.lang.Process process) {
        this.process = process;
        String tag = "mp4j-pump-" + process.pid();
        this.stdout = OutputPump.start(process.getInputStream(), OutputPump.Console.OUT, tag + "-out", boot);
        this.stderr = OutputPump.start(process.getErrorStream(), OutputPump.Console.ERR, tag + "-err", boot);
    }

    public java.lang.Process process() {
        return process;
    }

    /** Returns once the JVM runs {@link ChildMain} (or waits for a debugger); if it exits first, throws with its own message. */
    void awaitBooted() throws IOException {
        boot.await(this);
    }

    /** {@link #awaitBooted()} for a caller about to stop the child: a JVM that ended first is fine too. */
    public void awaitBootedOrEnded() {
        try {
            boot.await(this);
        } catch (IOException endedBeforeBooting) {
            // nothing left to wait for
        }
    }

    /** The port the child's JDWP agent listens on, or null when it has none. */
    public Integer debugPort() {
        return boot.debugPort();
    }

    /** Stops a JVM that will get no payload, and waits until it is gone: nothing outlives a failed start. */
    public void discard() {
        process.destroyForcibly();
        try {
            process.waitFor(DISCARD_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands the child what it must run. The stream is flushed, never closed. */
    public void sendPayload(byte[] payload) throws IOException {
        writeFrame(payload);
    }

    /** The frame a child reads first: a sample payload it may warm up on while it waits. */
    void sendWarmUpSample(byte[] sample) throws IOException {
        writeFrame(sample);
    }

    private void writeFrame(byte[] bytes) throws IOException {
        OutputStream stdin = process.getOutputStream();
        DataOutputStream out = new DataOutputStream(stdin);
        out.writeInt(PAYLOAD_MAGIC);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** Waits, at most {@code millis}, until everything the child printed has been copied. */
    public void awaitOutput(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        stdout.awaitDrained(millis);
        stderr.awaitDrained((deadline - System.nanoTime()) / 1_000_000);
    }
}
