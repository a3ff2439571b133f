package dev.mp4j.launcher.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flags of this JVM a child must share for the same code to run there: preview, opens, exports,
 * native access, assertions and mp4j's serial filter. The management API that lists a JVM's flags costs
 * a fresh JVM some 20 ms (it loads JMX and {@code java.util.logging}), paid by a program's first
 * {@code start()} before its child can boot. Those flags can only come from the {@code java} command line,
 * an {@code @argfile} or VM options file it names, or the three option variables; so where Linux shows
 * the command line and neither it nor the variables mention one, nothing is inherited and the API is not
 * loaded. Anything else (another OS, a JVM embedded in another program, any mention) asks the API.
 */
final class InheritedFlags {

    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");
    /** The flags a child inherits, by name ({@link #fromManagement} keeps their exact forms). */
    private static final List<String> INHERITED = List.of("--enable-preview", "--enable-native-access",
            "--add-opens", "--add-exports", "-ea", "-enableassertions", "-D" + SerialFilter.ALLOW_PROPERTY);
    /** What makes the java launcher or the VM read options from elsewhere. */
    private static final List<String> INDIRECTIONS = List.of("@", "-XX:VMOptionsFile", "-XX:Flags");

    /** This JVM's flags do not change: read once (after the constant above, which reading needs). */
    static final List<String> LIST = List.copyOf(read());

    private InheritedFlags() {
    }

    private static List<String> read() {
        return mayHoldAny(commandLine(), System.getenv()) ? fromManagement() : List.of();
    }

    /**
     * False only when {@code commandLine} (this process's arguments, {@code java} first; null when
     * unknown) and the option variables in {@code environment} cannot hold a flag a child inherits. A
     * mention anywhere, even among the program's own arguments, counts: the cost of a false alarm is only
     * the management API.
     */
    static boolean mayHoldAny(List<String> commandLine, Map<String, String> environment) {
        if (commandLine == null || commandLine.isEmpty() || !isJavaLauncher(commandLine.get(0))) {
            return true;
        }
        for (String argument : commandLine) {
            if (mayHold(argument)) {
                return true;
            }
        }
        for (String variable : OPTION_VARIABLES) {
            String value = environment.get(variable);
            if (value != null) {
                for (String option : value.trim().split("\\s+")) {
                    if (mayHold(option)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isJavaLauncher(String executable) {
        String name = executable.substring(Math.max(executable.lastIndexOf('/'), executable.lastIndexOf('\\')) + 1);
        return name.equals("java") || name.equals("java.exe");
    }

    private static boolean mayHold(String argument) {
        return startsWithAny(argument, INHERITED) || startsWithAny(argument, INDIRECTIONS);
    }

    private static boolean startsWithAny(String argument, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (argument.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** This process's arguments from {@code /proc/self/cmdline}, or null where there is none. */
    private static List<String> commandLine() {
        try (InputStream in = new FileInputStream("/proc/self/cmdline")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>();
            int from = 0;
            for (int end = all.indexOf('\0'); end >= 0; end = all.indexOf('\0', from)) {
                arguments.add(all.substring(from, end));
                from = end + 1;
            }
            return arguments;
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    private static List<String> fromManagement() {
        List<String> inherited = new ArrayList<>();
        List<String> ours = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < ours.size(); i++) {
            String flag = ours.get(i);
            if (flag.equals("--enable-preview") || flag.startsWith("--enable-native-access")
                    || flag.startsWith("--add-opens=") || flag.startsWith("--add-exports=")
                    || flag.equals("-ea") || flag.equals("-enableassertions")
                    || flag.startsWith("-D" + SerialFilter.ALLOW_PROPERTY + "=")) {
                inherited.add(flag);
            } else if ((flag.equals("--add-opens") || flag.equals("--add-exports")) && i + 1 < ours.size()) {
                inherited.add(flag);
                inherited.add(ours.get(++i));
            }
        }
        return inherited;
    }
}
