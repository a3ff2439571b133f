package dev.mp4j.pool;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** O03: {@link DownloadAndParseCallbacks} — downloads in workers, parsing in the parent's callback thread. */
class DownloadAndParseCallbacksTest {

    private static final long PARENT = ProcessHandle.current().pid();

    @Test
    void workersDownloadTheParentParsesAndGetReturnsTheDownloadResult() throws Exception {
        List<String> lines;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            DownloadAndParseCallbacks.main(new String[0]);
            lines = console.outLines();
        }
        List<String> downloads = lines.stream().filter(l -> l.startsWith("(进程 ")).toList();
        List<String> parses = lines.stream().filter(l -> l.startsWith("<进程 ")).toList();
        assertThat(downloads).hasSize(6).noneMatch(l -> l.startsWith("(进程 " + PARENT + ")"));
        assertThat(parses).hasSize(6).allMatch(l -> l.startsWith("<进程 " + PARENT + "> 正在解析页面: http://maoyan.com/board/"));

        int mainLine = lines.indexOf("{主进程 " + PARENT + "}");
        assertThat(mainLine).as("join waited for every callback").isGreaterThan(lines.indexOf(parses.getLast()));
        assertThat(lines.subList(mainLine + 1, lines.size())).as("get() gives get_page's result, in submission order")
                .containsExactlyElementsOf(DownloadAndParseCallbacks.URLS);
    }
}
