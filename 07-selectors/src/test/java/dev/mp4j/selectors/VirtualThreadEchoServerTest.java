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

/** {@link VirtualThreadEchoServer}: the same service and lines as S01, one virtual thread per connection. */
// A lost byte would leave a blocking socket read waiting, deaf to interrupts: fail from outside instead.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualThreadEchoServerTest {

    @Test
    void printsTheSameLinesAsTheSelectorServer() throws Exception {
        CapturedOutput serverOut = new CapturedOutput();
        try (VirtualThreadEchoServer server = VirtualThreadEchoServer.open(0, 100, serverOut.stream()).start()) {
            Map<Integer, byte[]> received = MultiConnectionClient.run("127.0.0.1", server.port(),
                    new PrintStream(PrintStream.nullOutputStream()));

            received.values().forEach(bytes -> assertThat(new String(bytes)).isEqualTo("This is the message. It will be sent in parts."));
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
        }
    }

    @Test
    void aClientThatDoesNotReadLosesNothingWhileOthersAreServed() throws Exception {
        byte[] data = EchoChecks.pattern(16 << 20);
        try (VirtualThreadEchoServer server = VirtualThreadEchoServer.open(0, 100, null).start();
             ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();
             Socket slowReader = new Socket()) {
            slowReader.setReceiveBufferSize(8192);
            slowReader.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            Future<?> sending = writer.submit(() -> {
                slowReader.getOutputStream().write(data);
                return null;
            });
            // Its connection thread soon parks in write() (nobody reads); the other connections go on.
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
        try (VirtualThreadEchoServer server = VirtualThreadEchoServer.open(0, 4096, null).start()) {
            assertThat(EchoChecks.holdAndEcho(server.port(), 2000, 3)).isEqualTo(2000L * 3);
        }
    }

    @Test
    void closeEndsEveryConnectionAndReleasesThePort() throws Exception {
        VirtualThreadEchoServer server = VirtualThreadEchoServer.open(0, 100, null).start();
        int port = server.port();
        try (Socket client = EchoChecks.connect(port)) {
            EchoChecks.assertEchoes(client, "before close");
            server.close();
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> EchoChecks.connect(port)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close();
    }
}
