package dev.mp4j.launcher.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page draws what was recorded, in a real browser: headless Chromium runs its script and the DOM it
 * leaves has one lane per process, a bar per process and a mark per printed line. Chromium is found as
 * {@code tools/find-chromium} finds it ({@code $CHROMIUM}, then {@code PATH}); {@code .ci/run} installs it.
 */
@Timeout(180)
class TimelinePageInChromiumTest {

    @TempDir
    Path directory;

    @Test
    void chromiumDrawsALanePerProcessABarPerProcessAndAMarkPerLine() throws Exception {
        String chromium = chromium();
        RecordedRun.Result run = RecordedRun.of(RecordedProgram.class, 0.05, directory, Duration.ofSeconds(90));
        assertThat(run.exitCode()).as(run.output()).isZero();
        Path page = directory.resolve("page.html");
        TimelinePage.render(run.file(), page);

        Process browser = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectory(directory.resolve("profile")), "--window-size=1000,800",
                "--dump-dom", page.toUri().toString())
                .redirectError(directory.resolve("chromium.err").toFile()).start();
        browser.getOutputStream().close();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).as("chromium ended").isTrue();

        assertThat(count(dom, "<g class=\"process\"")).isEqualTo(3);
        assertThat(count(dom, "<g class=\"lane\"")).isEqualTo(3);
        assertThat(dom).contains("data-lanes=\"3\"");
        assertThat(count(dom, "class=\"span process\"")).isEqualTo(3);
        assertThat(count(dom, "<g class=\"mark")).isEqualTo(5);
        assertThat(dom).contains(">half a line, then the rest<", ">exitcode 3<", ">exitcode -9<");
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String chromium() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        List<String> names = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                if (Files.isExecutable(Path.of(folder, name))) {
                    return Path.of(folder, name).toString();
                }
            }
        }
        return Stream.of("/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
                .filter(app -> Files.isExecutable(Path.of(app))).findFirst()
                .orElseGet(() -> fail("this test draws a timeline page in headless Chromium, and none was found: install it"
                        + " (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM=/path/to/chromium;"
                        + " .ci/run installs it"));
    }
}
