package dev.mp4j.ipc;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManyPuttersAndGettersOnBoundedQueueTest {

    private static final Pattern LINE = Pattern.compile("(\\d+)\\(get\\):(\\d+)\\(put\\):(\\d+\\.\\d+)");

    @Test
    void tenGettersEachPrintOnePuttersItem() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ManyPuttersAndGettersOnBoundedQueue.main(new String[0]);
            List<String> lines = console.outLines();
            assertThat(lines).hasSize(10).allMatch(line -> LINE.matcher(line).matches(), "pid(get):pid(put):time");
            List<Matcher> parsed = lines.stream().map(LINE::matcher).peek(Matcher::matches).toList();
            assertThat(parsed.stream().map(m -> m.group(1)).distinct()).as("one line per getter").hasSize(10);
            assertThat(parsed.stream().map(m -> m.group(2)).distinct()).as("one item per putter").hasSize(10);
            assertThat(parsed.stream().map(m -> m.group(1))).doesNotContainAnyElementsOf(parsed.stream().map(m -> m.group(2)).toList());
            double now = System.currentTimeMillis() / 1e3;
            assertThat(parsed).allSatisfy(m -> assertThat(Double.parseDouble(m.group(3))).isBetween(now - 600, now + 1));
        }
    }
}
