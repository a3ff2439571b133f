package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ChildProcess;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class InheritedFlagsTest {

    private static final String JAVA = "/usr/lib/jvm/jdk/bin/java";

    /** A parent JVM whose child prints the flags it was started with. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            ChildProcess child = new ChildProcess(() -> System.out.println(
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
            child.start();
            child.join();
        }
    }

    @Test
    void aPlainJavaCommandLineHoldsNothingToInherit() {
        assertThat(InheritedFlags.mayHoldAny(List.of(JAVA, "-Xmx1g", "-cp", "a.jar", "Main", "--verbose"), Map.of())).isFalse();
        assertThat(InheritedFlags.mayHoldAny(List.of(JAVA, "-cp", "a.jar", "Main"), Map.of("JAVA_TOOL_OPTIONS", " -Xss2m "))).isFalse();
    }

    @Test
    void anyMentionOfAFlagAChildInheritsAsksTheJvm() {
        for (String flag : List.of("--enable-preview", "--enable-native-access=ALL-UNNAMED", "--add-opens",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-exports", "-ea", "-ea:dev.mp4j...", "-enableassertions",
                "-D" + SerialFilter.ALLOW_PROPERTY + "=java.util.*", "@options.txt", "-XX:VMOptionsFile=vm.txt", "-XX:Flags=f")) {
            assertThat(InheritedFlags.mayHoldAny(List.of(JAVA, flag, "-cp", "a.jar", "Main"), Map.of())).as(flag).isTrue();
            for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
                assertThat(InheritedFlags.mayHoldAny(List.of(JAVA, "Main"), Map.of(variable, "-Xmx1g " + flag))).as(variable + " " + flag).isTrue();
            }
        }
    }

    @Test
    void aCommandLineThatIsUnknownOrNotJavasAsksTheJvm() {
        assertThat(InheritedFlags.mayHoldAny(null, Map.of())).isTrue();
        assertThat(InheritedFlags.mayHoldAny(List.of(), Map.of())).isTrue();
        assertThat(InheritedFlags.mayHoldAny(List.of("/opt/app/bin/server", "-cp", "a.jar"), Map.of())).as("a JVM embedded in a program").isTrue();
        assertThat(InheritedFlags.mayHoldAny(List.of("C:\\jdk\\bin\\java.exe", "Main"), Map.of())).isFalse();
    }

    @Test
    void aChildGetsTheOpensAndAssertionsOfItsParentAndNothingWithoutThem() throws Exception {
        String withFlags = childFlagsOfAParentStartedWith(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-ea"), Map.of());
        assertThat(withFlags).contains("--add-opens=java.base/java.lang=ALL-UNNAMED").contains("-ea");

        String fromVariable = childFlagsOfAParentStartedWith(List.of(), Map.of("JAVA_TOOL_OPTIONS", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"));
        assertThat(fromVariable).contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");

        String plain = childFlagsOfAParentStartedWith(List.of(), Map.of());
        assertThat(plain).doesNotContain("--add-opens").doesNotContain("--add-exports").doesNotContain(" -ea");
    }

    private static String childFlagsOfAParentStartedWith(List<String> flags, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Parent.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        java.lang.Process parent = builder.start();
        String output = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(parent.exitValue()).as(output).isZero();
        return output;
    }
}
