package dev.mp4j.selectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** S01's main, as {@code ./run -Dport=PORT S01} starts it: it says where it listens, and echoes there. */
@Timeout(120)
class SelectorEchoServerMainTest {

    private static final Pattern SERVING = Pattern.compile(
            "serving on 127\\.0\\.0\\.1:(\\d+) \\(stop with Ctrl\\+C\\)");

    @Test
    void mainPrintsItsAddressThenEchoesThere() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dstdout.encoding=UTF-8",
                "-Dport=0", SelectorEchoServer.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
            Matcher serving = SERVING.matcher(String.valueOf(first));
            assertThat(serving.matches()).as("first line: %s", first).isTrue();

            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(serving.group(1)))) {
                client.setSoTimeout(60_000);
                client.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
                byte[] reply = client.getInputStream().readNBytes(5);
                assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("hello");
            }
        } finally {
            jvm.destroy();                 // SIGTERM: the server closes on the way out
            if (!jvm.waitFor(30, TimeUnit.SECONDS)) {
                jvm.descendants().forEach(ProcessHandle::destroyForcibly);
                jvm.destroyForcibly().waitFor();
            }
        }
    }

    private static String readLine(BufferedReader out) {
        try {
            return out.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
