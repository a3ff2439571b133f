package dev.mp4j.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a child JVM is started, beyond what every child gets: extra JVM options (heap, flags), system
 * properties, environment variables, a working directory and a debug port. Immutable; build one with
 * {@link #builder()} and give it to {@link ChildProcess#setForkOptions} or {@code Pool.Builder.forkOptions}.
 *
 * <pre>{@code
 * ForkOptions options = ForkOptions.builder()
 *         .jvmArgs("-Xmx64m")
 *         .systemProperty("app.mode", "batch")
 *         .environment("TZ", "UTC")
 *         .workingDirectory(Path.of("/srv/data"))
 *         .build();
 * }</pre>
 *
 * A child with any option set is launched for itself: it never takes the pre-booted spare, which was
 * started with the defaults. Its {@code start()} waits until the new JVM runs, so an option the JVM
 * refuses (or a working directory that does not exist) fails there, with the JVM's own message.
 */
public final class ForkOptions {

    /** What every child gets when nothing is set. */
    public static final ForkOptions DEFAULT = builder().build();

    private final List<String> jvmArgs;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Integer debugPort;

    private ForkOptions(Builder builder) {
        this.jvmArgs = List.copyOf(builder.jvmArgs);
        this.systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.systemProperties));
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.environment));
        this.workingDirectory = builder.workingDirectory;
        this.debugPort = builder.debugPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.jvmArgs.addAll(jvmArgs);
        builder.systemProperties.putAll(systemProperties);
        builder.environment.putAll(environment);
        builder.workingDirectory = workingDirectory;
        builder.debugPort = debugPort;
        return builder;
    }

    /** JVM options placed after the launcher's own, so they win where both set the same thing. */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** Passed as {@code -Dkey=value}. */
    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    /** Added to (or replacing in) the environment this JVM has. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Null: this JVM's working directory. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The loopback port of a JDWP agent the child waits on before it runs anything; null: no agent. 0: any free port. */
    public Integer debugPort() {
        return debugPort;
    }

    /** True when nothing is set: such a child may take the pre-booted spare. */
    public boolean isDefault() {
        return jvmArgs.isEmpty() && systemProperties.isEmpty() && environment.isEmpty()
                && workingDirectory == null && debugPort == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForkOptions that && jvmArgs.equals(that.jvmArgs)
                && systemProperties.equals(that.systemProperties) && environment.equals(that.environment)
                && Objects.equals(workingDirectory, that.workingDirectory) && Objects.equals(debugPort, that.debugPort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jvmArgs, systemProperties, environment, workingDirectory, debugPort);
    }

    @Override
    public String toString() {
        return "ForkOptions[jvmArgs=" + jvmArgs + ", systemProperties=" + systemProperties + ", environment="
                + environment.keySet() + ", workingDirectory=" + workingDirectory + ", debugPort=" + debugPort + "]";
    }

    /** Collects options; each call adds to what was set before. */
    public static final class Builder {
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Integer debugPort;

        private Builder() {
        }

        /**
         * Options such as {@code -Xmx64m} or {@code -XX:+UseG1GC}, one per argument. The class path and
         * main class are the launcher's: {@code -cp}, {@code -jar} and anything not starting with '-' are refused.
         */
        public Builder jvmArgs(String... args) {
            for (String arg : args) {
                Objects.requireNonNull(arg, "a JVM option is null");
                if (!arg.startsWith("-")) {
                    throw new IllegalArgumentException("a JVM option starts with '-': '" + arg + "'");
                }
                if (List.of("-cp", "-classpath", "--class-path", "-jar").contains(arg.split("=", 2)[0])) {
                    throw new IllegalArgumentException("the launcher sets the class path and main class itself: '" + arg + "'");
                }
                jvmArgs.add(arg);
            }
            return this;
        }

        public Builder systemProperty(String key, String value) {
            if (Objects.requireNonNull(key, "key").isEmpty()) {
                throw new IllegalArgumentException("a system property needs a name");
            }
            systemProperties.put(key, Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        public Builder environment(String name, String value) {
            if (Objects.requireNonNull(name, "name").isEmpty() || name.contains("=")) {
                throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
            }
            environment.put(name, Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
            return this;
        }

        /** Starts the child with a JDWP agent on 127.0.0.1:{@code port} ({@code 0}: any free port), suspended until a debugger attaches. */
        public Builder debugPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.debugPort = port;
            return this;
        }

        public ForkOptions build() {
            return new ForkOptions(this);
        }
    }
}
