package dev.mp4j.selectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link MultiConnectionClient} (S02) against the S01 server: five sockets, three parts, every echo home. */
// A lost byte would leave a blocking socket read waiting, deaf to interrupts: fail from outside instead.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MultiConnectionClientTest {

    private static final String UNBOUND = "<socket.socket family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>";

    @Test
    void everyPartComesBackOnTheSocketThatSentIt() throws Exception {
        CapturedOutput out = new CapturedOutput();
        try (SelectorEchoServer server = SelectorEchoServer.open(0, 100, null).start()) {
            Map<Integer, byte[]> received = MultiConnectionClient.run("localhost", server.port(), out.stream());

            assertThat(received).hasSize(5);
            for (byte[] bytes : received.values()) {
                assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("This is the message. It will be sent in parts.");
            }
            assertThat(out.lines()).isEqualTo(expectedLines(server.port(), new ArrayList<>(received.keySet())));
        }
    }

    @Test
    void theSameClientWorksAgainstTheVirtualThreadServer() throws Exception {
        CapturedOutput out = new CapturedOutput();
        try (VirtualThreadEchoServer server = VirtualThreadEchoServer.open(0, 100, null).start()) {
            Map<Integer, byte[]> received = MultiConnectionClient.run("localhost", server.port(), out.stream());
            assertThat(out.lines()).isEqualTo(expectedLines(server.port(), new ArrayList<>(received.keySet())));
        }
    }

    /** The article's transcript: the socket list, the connect line, then per part five sends and five receives. */
    private static List<String> expectedLines(int serverPort, List<Integer> clientPorts) {
        List<String> lines = new ArrayList<>();
        lines.add("[" + String.join(", ", Collections.nCopies(5, UNBOUND)) + "]");
        lines.add("connecting to localhost port " + serverPort);
        for (String part : List.of("This is the message. ", "It will be sent ", "in parts.")) {
            for (int p : clientPorts) {
                lines.add("('127.0.0.1', " + p + "): sending \"b'" + part + "'\"");
            }
            for (int p : clientPorts) {
                lines.add("('127.0.0.1', " + p + "): received \"b'" + part + "'\"");
            }
        }
        return lines;
    }
}
