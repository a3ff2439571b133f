package dev.mp4j.selectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SelectorEchoServer} (S01): the article's lines, partial writes handled, thousands of connections. */
// A lost byte would leave a blocking socket read waiting, deaf to interrupts: fail from outside instead.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectorEchoServerTest {

    private static final String WHOLE_MESSAGE = "This is the message. It will be sent in parts.";

    @Test
    void echoesEachPartBackToTheSocketThatSentItAndPrintsTheArticleLines() throws Exception {
        CapturedOutput serverOut = new CapturedOutput();
        try (SelectorEchoServer server = SelectorEchoServer.open(0, 100, serverOut.stream()).start()) {
            Map<Integer, byte[]> received = MultiConnectionClient.run("127.0.0.1", server.port(),
                    new PrintStream(PrintStream.nullOutputStream()));

            assertThat(received).hasSize(5);
            received.values().forEach(bytes -> assertThat(new String(bytes)).isEqualTo(WHOLE_MESSAGE));
            String prefix = "<socket.socket family=2, type=1, proto=0, laddr=('127.0.0.1', " + server.port() + "), raddr=('127.0.0.1', ";
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (int clientPort : received.keySet()) {
                    String conn = prefix + clientPort + ")>";
                    assertThat(serverOut.lines()).containsSubsequence(
                            "echoing b'This is the message. ' to " + conn,
                            "echoing b'It will be sent ' to " + conn,
                            "echoing b'in parts.' to " + conn,
                            "closing " + conn);
                }
            });
            assertThat(serverOut.lines()).hasSize(5 * 4);
        }
    }

    @Test
    void aClientThatDoesNotReadMakesTheServerWaitForWriteReadinessWithoutLosingBytes() throws Exception {
        byte[] data = EchoChecks.pattern(16 << 20);
        try (SelectorEchoServer server = SelectorEchoServer.open(0, 100, null).start();
             ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();
             Socket slowReader = new Socket()) {
            slowReader.setReceiveBufferSize(8192); // fills after a few KiB, so the server's sends come up short
            slowReader.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            Future<?> sending = writer.submit(() -> {
                slowReader.getOutputStream().write(data);
                return null;
            });

            // Nobody reads yet: the server's socket fills and it must keep the rest for OP_WRITE.
            await().atMost(Duration.ofSeconds(20)).until(() -> server.stalledWrites() > 0);
            // The loop is not stuck on that connection: another client is served meanwhile.
            try (Socket other = EchoChecks.connect(server.port())) {
                EchoChecks.assertEchoes(other, "still serving the others");
            }

            byte[] echoed = slowReader.getInputStream().readNBytes(data.length);
            sending.get(30, TimeUnit.SECONDS);
            assertThat(echoed).isEqualTo(data);
        }
    }

    @Test
    void holdsTwoThousandConnectionsAtOnceAndEchoesEveryMessage() throws Exception {
        try (SelectorEchoServer server = SelectorEchoServer.open(0, 4096, null).start()) {
            assertThat(EchoChecks.holdAndEcho(server.port(), 2000, 3)).isEqualTo(2000L * 3);
        }
    }

    @Test
    void closeEndsTheLoopAndReleasesThePort() throws Exception {
        SelectorEchoServer server = SelectorEchoServer.open(0, 100, null).start();
        int port = server.port();
        try (Socket client = EchoChecks.connect(port)) {
            EchoChecks.assertEchoes(client, "before close");
            server.close();
            assertThat(client.getInputStream().read()).isEqualTo(-1); // the server closed our connection
        }
        assertThatThrownBy(() -> EchoChecks.connect(port)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close(); // a second close is harmless
    }

    @Test
    void aResetConnectionIsClosedAndTheServerKeepsServing() throws Exception {
        CapturedOutput serverOut = new CapturedOutput();
        try (SelectorEchoServer server = SelectorEchoServer.open(0, 100, serverOut.stream()).start()) {
            Socket rude = EchoChecks.connect(server.port());
            EchoChecks.assertEchoes(rude, "hello");
            rude.setSoLinger(true, 0); // close with RST instead of FIN
            rude.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> serverOut.lines().stream().anyMatch(l -> l.startsWith("closing ")));
            try (Socket polite = EchoChecks.connect(server.port())) {
                EchoChecks.assertEchoes(polite, "你好");
            }
        }
    }
}
