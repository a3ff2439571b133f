package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Bytes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class ProcessPerConnectionServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void concurrentClientsAreEachServedByTheirOwnChildProcess() throws Exception {
        try (ProcessPerConnectionServer server = ProcessPerConnectionServer.start(0);
             Socket a = connect(server);
             Socket b = connect(server)) {
            assertThat(exchange(a, "hello")).isEqualTo("HELLO");
            assertThat(exchange(b, "你好, world")).isEqualTo("你好, WORLD"); // bytes.upper(): ASCII only
            assertThat(exchange(a, "again")).isEqualTo("AGAIN");

            List<ChildProcess> children = Multiprocessing.activeChildren();
            assertThat(children).hasSize(2);
            assertThat(children.stream().map(ChildProcess::pid).distinct()).hasSize(2)
                    .doesNotContain(ProcessHandle.current().pid());
        }
    }

    @Test
    void aChildEndsWhenItsClientCloses() throws Exception {
        try (ProcessPerConnectionServer server = ProcessPerConnectionServer.start(0)) {
            try (Socket a = connect(server)) {
                assertThat(exchange(a, "bye")).isEqualTo("BYE");
                assertThat(Multiprocessing.activeChildren()).hasSize(1);
            }
            await().atMost(PATIENCE).until(() -> Multiprocessing.activeChildren().isEmpty());
            try (Socket b = connect(server)) {
                assertThat(exchange(b, "still serving")).isEqualTo("STILL SERVING");
            }
        }
    }

    @Test
    void closeEndsOpenConnectionsAndLeavesNoChildBehind() throws Exception {
        ProcessPerConnectionServer server = ProcessPerConnectionServer.start(0);
        try (Socket a = connect(server)) {
            assertThat(exchange(a, "x")).isEqualTo("X");
            server.close();

            assertThat(Multiprocessing.activeChildren()).isEmpty();
            a.setSoTimeout((int) PATIENCE.toMillis());
            assertThat(a.getInputStream().read()).as("the client sees the connection closed").isEqualTo(-1);
        }
    }

    @Test
    void upperChangesOnlyAsciiLetters() {
        byte[] msg = "abc XYZ é 1".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(Bytes.upper(msg), StandardCharsets.UTF_8))
                .isEqualTo("ABC XYZ é 1");
    }

    private static Socket connect(ProcessPerConnectionServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) PATIENCE.toMillis());
        return socket;
    }

    private static String exchange(Socket socket, String msg) throws IOException {
        byte[] sent = msg.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(sent);
        return new String(socket.getInputStream().readNBytes(sent.length), StandardCharsets.UTF_8);
    }
}
