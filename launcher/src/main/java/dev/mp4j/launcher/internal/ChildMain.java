package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.Target;
import dev.mp4j.launcher.timeline.Timeline;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of every child JVM (not for users). It reads its {@link LaunchPayload} from standard
 * input, becomes the process the parent created, and runs it with Python's exit rules: exit code 0 after
 * the target returns and every non-daemon thread has ended, 1 after an uncaught exception (printed as
 * {@code Process NAME:} and the stack trace, like CPython), {@code n} after {@code System.exit(n)}.
 *
 * <p>When the parent dies, even by {@code kill -9}, the child notices within a fraction of a second and
 * exits: no orphans.
 */
public final class ChildMain {

    private static final int PARENT_GONE_EXIT_CODE = 255;
    private static final long PARENT_CHECK_MILLIS = 200;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        StartTrace trace = new StartTrace();
        System.err.println(BootWatch.BOOTED); // the parent's pump swallows it: this JVM accepted its options
        InputStream parentPipe = new FileInputStream(FileDescriptor.in);
        System.setIn(new ByteArrayInputStream(new byte[0])); // like Python, children get no standard input
        DataInputStream frames = new DataInputStream(parentPipe);
        byte[] samples = readFrame(frames);
        // nothing to run yet: warm up meanwhile
        WarmUp warmUp = WarmUp.start(parentPipe.available() == 0 ? samples : new byte[0]);
        byte[] payloadBytes = readFrame(frames);
        warmUp.payloadArrived();
        trace.payloadRead();
        LaunchPayload payload = LaunchPayload.fromBytes(payloadBytes);
        Object body = LambdaCodec.decode(payload.body());
        trace.deserialized();
        watchParent(payload.parentPid());
        payload.settings().forEach(System::setProperty);
        ProcessContext.becomeChild(payload.name(), payload.identity(), payload.daemon(), payload.authkey());
        Thread.currentThread().setName("MainThread");
        trace.running();
        if (Timeline.RECORDING) Timeline.childRunning(payload.name());

        try {
            run(body);
        } catch (Throwable failure) {
            System.err.println("Process " + payload.name() + ":");
            failure.printStackTrace();
            awaitNonDaemonThreads();
            System.exit(1);
        }
    }

    /** Runs what the parent sent: a target or a process object's {@code run()}, as {@link LambdaCodec} carried it. */
    static void run(Object body) throws Exception {
        if (body instanceof LambdaCall call) {
            call.run();
        } else {
            ((Target) body).run();
        }
    }

    /**
     * Reads one frame from the parent: first the warm-up samples ({@link WarmUp}), then the payload. A
     * spare JVM waits for its payload anyway, so it decodes the samples in the meantime. A child whose
     * payload is already waiting skips them: warming up would only add work. A JVM launched for a
     * start() under way gets an empty frame.
     */
    private static byte[] readFrame(DataInputStream in) throws IOException {
        try {
            if (in.readInt() != SpawnedJvm.PAYLOAD_MAGIC) {
                throw new IOException("standard input is not an mp4j launch payload; this class is started by ChildProcess.start()");
            }
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return bytes;
        } catch (EOFException parentGoneBeforeStart) {
            // a spare JVM whose parent ended without needing it
            Runtime.getRuntime().halt(0);
            throw parentGoneBeforeStart;
        }
    }

    /**
     * Exits soon after the parent dies. A thread blocked reading the parent's pipe would be simplest,
     * but HotSpot delays every exit by 300 ms while a thread sits in a native read; a parent that is
     * gone shows instead as a changed parent pid (the child is re-parented), checked a few times a second.
     */
    private static void watchParent(long parentPid) {
        Thread.ofPlatform().daemon().name("mp4j-parent-watch").start(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
                try {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            exitBecauseParentIsGone();
        });
    }

    private static void exitBecauseParentIsGone() {
        // Shutdown hooks terminate our own children; a hook that hangs must not keep us alive.
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(PARENT_GONE_EXIT_CODE);
        });
        System.exit(PARENT_GONE_EXIT_CODE);
    }

    /** Python joins non-daemon threads before a process exits, whatever its exit code. */
    private static void awaitNonDaemonThreads() {
        List<Thread> others = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.isDaemon() && thread != Thread.currentThread() && thread.isAlive()) {
                others.add(thread);
            }
        }
        for (Thread thread : others) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
