package dev.mp4j.launcher.internal;

/**
 * Python reports a child killed by signal N as exit code -N. A JVM stopped by SIGTERM exits with
 * 128 + 15 after running its shutdown hooks, and the OS reports SIGKILL as 128 + 9: both are mapped,
 * as is SIGINT. A child that itself calls {@code System.exit(143)} is reported as -15 too; from outside,
 * the two cannot be told apart.
 */
public final class ExitCodes {

    private static final int SIGNAL_BASE = 128;
    private static final int SIGINT = 2;
    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;

    private ExitCodes() {
    }

    public static int pythonStyle(int jvmExitValue) {
        int signal = jvmExitValue - SIGNAL_BASE;
        if (signal == SIGKILL || signal == SIGTERM || signal == SIGINT) {
            return -signal;
        }
        return jvmExitValue;
    }
}
