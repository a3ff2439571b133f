package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.CurrentProcess;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who this JVM is in the process tree: its name, its identity (1, 2 for {@code Process-1:2}), whether it
 * is a daemon, and the authkey it shares with its children. The JVM a user starts is
 * {@code MainProcess}; {@link ChildMain} replaces these values in a child before the target runs.
 */
public final class ProcessContext {

    private static volatile String name = "MainProcess";
    private static volatile int[] identity = new int[0];
    private static volatile boolean daemon;
    private static volatile byte[] authkey; // made on first use
    private static final AtomicInteger childCounter = new AtomicInteger();

    private ProcessContext() {
    }

    static void becomeChild(String childName, int[] childIdentity, boolean childDaemon, byte[] childAuthkey) {
        name = childName;
        identity = childIdentity.clone();
        daemon = childDaemon;
        authkey = childAuthkey.clone();
        childCounter.set(0);
    }

    /** True in a child JVM once {@link ChildMain} has given it its identity. */
    public static boolean isChild() {
        return identity.length > 0;
    }

    static String name() {
        return name;
    }

    public static boolean daemon() {
        return daemon;
    }

    public static synchronized byte[] authkey() {
        if (authkey == null) {
            authkey = newAuthkey();
        }
        return authkey.clone();
    }

    /** The identity of the next child created here: ours plus the next counter value. */
    public static int[] nextChildIdentity() {
        int[] child = Arrays.copyOf(identity, identity.length + 1);
        child[identity.length] = childCounter.incrementAndGet();
        return child;
    }

    public static CurrentProcess current() {
        ProcessHandle self = ProcessHandle.current();
        long parent = self.parent().map(ProcessHandle::pid).orElse(-1L);
        return new CurrentProcess(name, self.pid(), parent, daemon);
    }

    /** 32 random bytes, like CPython's {@code os.urandom(32)}. */
    private static byte[] newAuthkey() {
        return KernelRandom.bytes(32);
    }
}
