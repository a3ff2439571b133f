package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.ChildProcess;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

/**
 * Everything a child JVM needs to become the process its parent created: the process object (with its
 * target or overridden {@code run()}), who it is, the shared authkey and the parent's {@code mp4j.*}
 * settings (the time scale among them). Sent on the child's standard input, never on its command line.
 * A plain class rather than a record: records deserialize through method handles, slow in a cold JVM.
 */
public final class LaunchPayload implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ChildProcess process;
    private final String name;
    private final int[] identity;
    private final boolean daemon;
    private final byte[] authkey;
    private final Map<String, String> settings;
    private final long parentPid;

    public LaunchPayload(ChildProcess process, String name, int[] identity, boolean daemon, byte[] authkey,
                  Map<String, String> settings, long parentPid) {
        this.process = process;
        this.name = name;
        this.identity = identity;
        this.daemon = daemon;
        this.authkey = authkey;
        this.settings = settings;
        this.parentPid = parentPid;
    }

    ChildProcess process() {
        return process;
    }

    String name() {
        return name;
    }

    int[] identity() {
        return identity;
    }

    boolean daemon() {
        return daemon;
    }

    byte[] authkey() {
        return authkey;
    }

    Map<String, String> settings() {
        return settings;
    }

    /** The parent's pid as the parent saw it: the child compares its own parent with it to notice its death. */
    long parentPid() {
        return parentPid;
    }
}
