package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.ExitCodes;
import dev.mp4j.launcher.internal.LambdaCodec;
import dev.mp4j.launcher.internal.LaunchPayload;
import dev.mp4j.launcher.internal.ProcessContext;
import dev.mp4j.launcher.internal.Timeouts;
import dev.mp4j.launcher.internal.SpawnedJvm;
import dev.mp4j.launcher.internal.ChildKind;
import dev.mp4j.launcher.internal.Spawner;
import dev.mp4j.launcher.internal.ThreadDumps;
import dev.mp4j.launcher.timeline.Timeline;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code multiprocessing.Process}: a target that runs in a fresh child JVM.
 *
 * <pre>{@code
 * ChildProcess p = new ChildProcess(() -> f("derek"));
 * p.start();
 * p.join();
 * }</pre>
 *
 * Either pass a {@link Target} (a serializable lambda or method reference capturing its arguments) or
 * subclass and override {@link #run()}; the object is serialized at {@link #start()}, so a capture that
 * cannot cross a process boundary fails there, naming its class. Semantics follow CPython: {@code start}
 * once, {@code exitcode} is null while running, 0 on success, 1 after an uncaught exception, {@code n}
 * after {@code System.exit(n)}, -15 after {@link #terminate()} and -9 after {@link #kill()}.
 */
public class ChildProcess implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long OUTPUT_DRAIN_MILLIS = 5_000;

    private final Target target;
    private final int[] identity;
    private final long creatorPid;
    private String name;
    private boolean daemon;

    /** Transient: how the child was started matters only here (null in the child, read as the defaults). */
    private transient ForkOptions forkOptions = ForkOptions.DEFAULT;
    private transient volatile SpawnedJvm jvm;
    private transient volatile boolean closed;

    /** A process that will run {@code target}, named like Python's {@code Process-1}. */
    public ChildProcess(Target target) {
        this(Objects.requireNonNull(target, "target"), null);
    }

    /** A process that will run {@code target} under {@code name}. */
    public ChildProcess(Target target, String name) {
        this(target, name, ProcessContext.nextChildIdentity());
    }

    /** With an explicit identity: for the warm-up sample, which must not consume a name. */
    ChildProcess(Target target, String name, int[] identity) {
        this.target = target;
        this.identity = identity;
        this.creatorPid = ProcessHandle.current().pid();
        this.name = name != null ? name : defaultName();
        this.daemon = ProcessContext.daemon();
    }

    /** For subclasses that override {@link #run()}. */
    protected ChildProcess() {
        this(null, null);
    }

    /** For subclasses that override {@link #run()} and choose a name. */
    protected ChildProcess(String name) {
        this(null, name);
    }

    /** {@code Process-1:2}; a loop, not a stream: this runs in a program's first milliseconds. */
    private String defaultName() {
        StringBuilder named = new StringBuilder(getClass() == ChildProcess.class ? "Process" : getClass().getSimpleName());
        for (int i = 0; i < identity.length; i++) {
            named.append(i == 0 ? '-' : ':').append(identity[i]);
        }
        return named.toString();
    }

    /** What the child runs: the target, unless a subclass overrides this. */
    public void run() throws Exception {
        if (target != null) {
            target.run();
        }
    }

    /** Starts the child JVM and returns; the target runs there. */
    public final void start() {
        checkNotClosed();
        if (jvm != null) {
            throw new IllegalStateException("cannot start a process twice");
        }
        if (creatorPid != ProcessHandle.current().pid()) {
            throw new IllegalStateException("can only start a process object created by current process");
        }
        if (ProcessContext.daemon()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children");
        }
        ForkOptions options = DebugSwitch.apply(name, forkOptions());
        try {
            // Launched first: the JVM boots while this thread encodes the target, on another core.
            ChildKind kind = ChildKind.of(body(), Timeline.RECORDING);
            SpawnedJvm spawned = Spawner.take(WarmUpSample.SUPPLIER, options, kind);
            byte[] payload;
            try {
                payload = payload();
            } catch (RuntimeException unencodable) {
                spawned.discard();
                throw unencodable;
            }
            if (spawned.debugPort() != null) {
                System.err.println("child " + name + " waits for a debugger on 127.0.0.1:" + spawned.debugPort());
            }
            spawned.sendPayload(payload);
            jvm = spawned;
            if (Timeline.RECORDING) Timeline.processStarted(name, spawned.process().pid(), daemon);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
        Children.register(this);
    }

    /** What the child reads first: its target (a mistake in it surfaces here, in the caller's thread), name and settings. */
    private byte[] payload() {
        return new LaunchPayload(LambdaCodec.encode(body(), describeForErrors()), name, identity, daemon,
                ProcessContext.authkey(), inheritedSettings(), ProcessHandle.current().pid()).toBytes();
    }

    /**
     * What the child runs: a plain process's target itself, the cheapest to carry; for a subclass, this
     * object's {@code run()}, so its fields travel with it.
     */
    private Target body() {
        return getClass() == ChildProcess.class && target != null ? target : this::run;
    }

    private String describeForErrors() {
        return target != null ? "the target of " + name : name + " (" + getClass().getName() + ")";
    }

    private static Map<String, String> inheritedSettings() {
        Map<String, String> settings = new HashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("mp4j.") && !key.equals(DebugSwitch.PROPERTY)) {
                settings.put(key, System.getProperty(key));
            }
        }
        return settings;
    }

    /**
     * Waits until the child ends and everything it printed has reached this JVM's streams. An interrupt
     * raises {@link InterruptedException}, as {@link Thread#join()} does: the joins keep Java's idiom,
     * where the waits on shared objects raise {@link java.util.concurrent.CancellationException}.
     */
    public final void join() throws InterruptedException {
        startedProcess("join");
        awaitExit();
    }

    /** {@link #join()} for the launcher's own watcher, which may still be waiting when a user closes this. */
    final void awaitExit() throws InterruptedException {
        jvm.process().waitFor();
        jvm.awaitOutput(OUTPUT_DRAIN_MILLIS);
    }

    /** Waits at most {@code timeout}; returns with the child still alive if it has not ended. */
    public final void join(Duration timeout) throws InterruptedException {
        java.lang.Process process = startedProcess("join");
        if (process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
            jvm.awaitOutput(OUTPUT_DRAIN_MILLIS);
        }
    }

    /** Python's {@code join(timeout)} in seconds. */
    public final void join(double timeoutSeconds) throws InterruptedException {
        join(Duration.ofNanos(Timeouts.nanos(timeoutSeconds)));
    }

    public final boolean isAlive() {
        checkNotClosed();
        return running();
    }

    /** {@link #isAlive()} without the closed check, for the registry of children. */
    final boolean running() {
        SpawnedJvm spawned = jvm;
        return spawned != null && spawned.process().isAlive();
    }

    /**
     * Python's {@code Process.close()}: lets go of what this object holds for the child (its process
     * handle and output streams). Refused while the child runs; afterwards every method that concerns
     * the child refuses with {@code "process object is closed"}, as in CPython. Closing twice is allowed.
     */
    public final void close() {
        if (closed) {
            return;
        }
        SpawnedJvm spawned = jvm;
        if (spawned != null && spawned.process().isAlive()) {
            throw new IllegalStateException("Cannot close a process while it is still running. "
                    + "You should first call join() or terminate().");
        }
        closed = true;
        Children.forget(this);
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("process object is closed");
        }
    }

    /**
     * Asks the child to stop (SIGTERM); its exit code becomes -15. Its own children are terminated too.
     * As with {@link #kill()}, what it printed before still reaches this JVM.
     */
    public final void terminate() {
        java.lang.Process process = startedProcess("terminate");
        jvm.awaitBootedOrEnded(); // a SIGTERM while the JVM still boots can end it with any code, not 143
        process.toHandle().destroy();
    }

    /**
     * Stops the child at once (SIGKILL); its exit code becomes -9. What it printed before still reaches
     * this JVM: the signal goes through the process handle, because {@code Process.destroy} would also
     * close the pipes the output pumps are still reading.
     */
    public final void kill() {
        startedProcess("kill").toHandle().destroyForcibly();
    }

    /** Null before the child has ended; see the class comment for the values. */
    public final Integer exitcode() {
        checkNotClosed();
        SpawnedJvm spawned = jvm;
        if (spawned == null || spawned.process().isAlive()) {
            return null;
        }
        return ExitCodes.pythonStyle(spawned.process().exitValue());
    }

    /** The child's process id, null before {@link #start()}. */
    public final Long pid() {
        checkNotClosed();
        SpawnedJvm spawned = jvm;
        return spawned == null ? null : spawned.process().pid();
    }

    public final String name() {
        return name;
    }

    public final void setName(String name) {
        this.name = Objects.requireNonNull(name, "name must be a string");
    }

    public final boolean daemon() {
        return daemon;
    }

    /** Daemon children are terminated when their parent exits, and may not start children themselves. */
    public final void setDaemon(boolean daemon) {
        if (jvm != null) {
            throw new IllegalStateException("process has already started");
        }
        this.daemon = daemon;
    }

    /** How the child is (or will be) started; {@link ForkOptions#DEFAULT} unless set. */
    public final ForkOptions forkOptions() {
        ForkOptions options = forkOptions;
        return options == null ? ForkOptions.DEFAULT : options;
    }

    /** JVM options, system properties, environment, working directory for the child; before {@link #start()}, like daemon. */
    public final void setForkOptions(ForkOptions options) {
        if (jvm != null) {
            throw new IllegalStateException("process has already started");
        }
        this.forkOptions = Objects.requireNonNull(options, "options");
    }

    /**
     * The child's thread dump (every thread's stack and the locks it holds or waits for), taken with
     * {@code jcmd <pid> Thread.print} from this JVM's {@code java.home}: what a hung child is doing.
     */
    public final String threadDump() {
        java.lang.Process process = startedProcess("take a thread dump of");
        return ThreadDumps.of(process.pid(), name);
    }

    /** Prints {@link #threadDump()} to this JVM's {@code System.err}. */
    public final void printThreadDump() {
        String dump = threadDump();
        PrintStream err = System.err;
        synchronized (err) {
            err.println("Thread dump of " + name + " (pid " + pid() + "):");
            err.print(dump);
            err.flush();
        }
    }

    private java.lang.Process startedProcess(String action) {
        checkNotClosed();
        SpawnedJvm spawned = jvm;
        if (spawned == null) {
            throw new IllegalStateException("can only " + action + " a started process");
        }
        return spawned.process();
    }

    @Override
    public String toString() {
        if (closed) {
            return "<" + getClass().getSimpleName() + " name='" + name + "' closed>";
        }
        Integer code = exitcode();
        String state = jvm == null ? "initial" : code == null ? "started" : "stopped exitcode=" + code;
        return "<" + getClass().getSimpleName() + " name='" + name + "' " + state + (daemon ? " daemon" : "") + ">";
    }
}
