package dev.mp4j.manager;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** M01: {@link ManagerSharesDictAndList} — both children's PIDs reach the parent's dict and list. */
class ManagerSharesDictAndListTest {

    private static final Pattern LIST = Pattern.compile("\\[0, 1, 2, 3, 4, (\\d+)(?:, (\\d+))?]");
    private static final Pattern DICT = Pattern.compile("\\{(\\d+): (\\d+), (\\d+): (\\d+)}");

    @Test
    void theParentPrintsBothChildrensPidsInTheSharedDictAndList() throws Exception {
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ManagerSharesDictAndList.main(new String[0]);
            lines = console.outLines();
        }
        assertThat(lines).hasSize(4);
        // each child printed the list right after its own append: its PID is there
        List<String> childLines = lines.subList(0, 2);
        assertThat(childLines).allMatch(line -> LIST.matcher(line).matches());

        Matcher dict = DICT.matcher(lines.get(2));
        assertThat(dict.matches()).as("dict line %s", lines.get(2)).isTrue();
        assertThat(dict.group(1)).isEqualTo(dict.group(2));
        assertThat(dict.group(3)).isEqualTo(dict.group(4));
        List<String> pids = List.of(dict.group(1), dict.group(3));
        assertThat(pids).doesNotHaveDuplicates().doesNotContain(String.valueOf(ProcessHandle.current().pid()));

        Matcher list = LIST.matcher(lines.get(3));
        assertThat(list.matches()).as("list line %s", lines.get(3)).isTrue();
        assertThat(List.of(list.group(1), list.group(2))).containsExactlyInAnyOrderElementsOf(pids);
        assertThat(lines.get(3)).as("the last child to append printed the whole list").isIn(childLines);
    }
}
