package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class ExternalCommandVersusChildProcessTest {

    private static final Pattern CHILD_LINE = Pattern.compile(
            "multiprocessing: Process-[0-9:]+ \\(pid (\\d+), 父进程 (\\d+)\\): 8 \\*\\* 20 = 1152921504606846976");

    @Test
    void runsAnExternalProgramAndAFunctionOfThisProgram() throws Exception {
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ExternalCommandVersusChildProcess.main(new String[0]);
            lines = console.outLines();
        }

        // subprocess: the external java reports the version of the JDK we run on, and exits with 0
        assertThat(lines.getFirst()).isEqualTo("subprocess: java -version");
        assertThat(lines).anyMatch(line -> line.startsWith("  ") && line.contains("version \"" + Runtime.version().feature()));
        // multiprocessing: our own function ran in a child of this JVM
        Matcher child = lines.stream().map(CHILD_LINE::matcher).filter(Matcher::matches).findFirst().orElseThrow();
        long me = ProcessHandle.current().pid();
        assertThat(Long.parseLong(child.group(1))).isNotEqualTo(me);
        assertThat(Long.parseLong(child.group(2))).isEqualTo(me);
        assertThat(lines).filteredOn(line -> line.equals("  退出码: 0")).hasSize(2);
        assertThat(lines.getLast()).isEqualTo("  退出码: 0");
    }
}
