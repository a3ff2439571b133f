package dev.mp4j.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every command the READMEs give works as written: each {@code ./run} line names an example the script
 * finds, sends each {@code -D} option to the JVM and a source of that example's module (or of the
 * launcher) reads it, and passes arguments only to a main that reads them; each {@code bench/run}
 * line names suites the script has; each {@code ./mvnw -pl} names modules that exist.
 */
@Timeout(300)
class ReadmeCommandsTest {

    private static final Pattern CHAPTER = Pattern.compile("0\\d-[a-z-]+");

    @Test
    void theReadmesGiveCommandsToCheck() {
        assertThat(ReadmeCommand.all("./run")).hasSizeGreaterThan(60);
        assertThat(ReadmeCommand.all("bench/run")).isNotEmpty();
        assertThat(ReadmeCommand.all("./mvnw")).hasSizeGreaterThan(8);
    }

    @TestFactory
    Stream<DynamicTest> everyRunCommandReachesItsMainAsWritten() {
        return ReadmeCommand.all("./run").stream().filter(ReadmeCommandsTest::namesAnExample)
                .map(command -> DynamicTest.dynamicTest(command.toString(), () -> checkRun(command)));
    }

    /** Not the script's bare name ({@code `./run`}) nor its synopsis ({@code ./run --dry-run ID ...}). */
    private static boolean namesAnExample(ReadmeCommand command) {
        return !command.arguments().isEmpty()
                && command.arguments().stream().noneMatch(word -> word.matches("\\.\\.\\.|<.*>|ID|ClassName|\\[.*"));
    }

    private static void checkRun(ReadmeCommand command) {
        List<String> dryRun = new ArrayList<>(List.of("--dry-run"));
        dryRun.addAll(command.arguments());
        ScriptRun run = ScriptRun.of("run", dryRun);
        assertThat(run.exitCode()).as("%s\n%s", command, run.err()).isZero();

        String module = run.values("module").getFirst();
        String source = read(sourceOf(module, run.values("class").getFirst()));
        String readable = literalsOf(Repository.ROOT.resolve(module, "src/main/java"))
                + literalsOf(Repository.ROOT.resolve("launcher/src/main/java"));
        for (String option : run.values("jvm")) {
            String name = option.substring(2).split("=", 2)[0];
            assertThat(readable).as("%s: no source of %s or the launcher reads the system property %s", command, module, name)
                    .contains("\"" + name + "\"");
        }
        List<String> arguments = run.values("arg");
        assertThat(arguments).as("%s: a -D option after the example's first argument reaches main, not the JVM", command)
                .noneMatch(argument -> argument.startsWith("-D"));
        if (!arguments.isEmpty()) {
            assertThat(source).as("%s: the main takes no arguments", command).containsPattern("args\\s*(\\[|\\.length)");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBenchCommandNamesSuitesTheScriptRuns() {
        Matcher declared = Pattern.compile("all_suites=\\(([^)]*)\\)").matcher(read(Repository.ROOT.resolve("bench/run")));
        assertThat(declared.find()).as("bench/run declares all_suites=(...)").isTrue();
        List<String> suites = List.of(declared.group(1).strip().split("\\s+"));
        return ReadmeCommand.all("bench/run").stream().map(command -> DynamicTest.dynamicTest(command.toString(), () -> {
            for (String suite : command.arguments()) {
                if (suite.startsWith("<")) {
                    continue;          // a placeholder such as <suite>
                }
                assertThat(suites).as("%s: bench/run has no suite %s", command, suite).contains(suite);
                String benchClass = Character.toUpperCase(suite.charAt(0)) + suite.substring(1) + "Bench.java";
                assertThat(Repository.ROOT.resolve("bench/src/main/java/dev/mp4j/bench", benchClass)).isRegularFile();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyMavenCommandNamesModulesThatExist() {
        return ReadmeCommand.all("./mvnw").stream().map(command -> DynamicTest.dynamicTest(command.toString(), () -> {
            List<String> arguments = command.arguments();
            int projects = arguments.indexOf("-pl");
            if (projects >= 0) {
                for (String module : arguments.get(projects + 1).split(",")) {
                    assertThat(Repository.ROOT.resolve(module, "pom.xml")).as("%s: no module %s", command, module).isRegularFile();
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyChapterReadmeGivesItsOwnTestCommand() {
        return ReadmeCommand.readmes().stream()
                .map(readme -> Repository.ROOT.relativize(readme.getParent()).toString())
                .filter(folder -> CHAPTER.matcher(folder).matches())
                .map(chapter -> DynamicTest.dynamicTest(chapter, () -> assertThat(ReadmeCommand.in(Repository.ROOT.resolve(chapter, "README.md")))
                        .extracting(ReadmeCommand::text)
                        .contains("./mvnw verify -pl " + chapter + " -am -Dlauncher.skipTests")));
    }

    @Test
    void theRootReadmeGivesAChapterTestCommand() {
        assertThat(ReadmeCommand.in(Repository.ROOT.resolve("README.md"))).extracting(ReadmeCommand::text)
                .anyMatch(text -> text.matches("\\./mvnw verify -pl 0\\d-[a-z-]+ -am -Dlauncher\\.skipTests"));
    }

    private static Path sourceOf(String module, String className) {
        return Repository.ROOT.resolve(module, "src/main/java", className.replace('.', '/') + ".java");
    }

    /** Every string literal of the Java sources under {@code folder}, one per line. */
    private static String literalsOf(Path folder) {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder literals = new StringBuilder();
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher matcher = literal.matcher(read(file));
                while (matcher.find()) {
                    literals.append(matcher.group()).append('\n');
                }
            });
            return literals.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
