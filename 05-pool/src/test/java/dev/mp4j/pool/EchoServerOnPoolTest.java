package dev.mp4j.pool;

import dev.mp4j.launcher.ConsoleCapture;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * O02: {@link EchoServerOnPool} — with a pool of N workers the (N+1)th client gets no reply until a
 * client leaves, and is then served by the worker (pid) that served the client who left.
 */
class EchoServerOnPoolTest {

    private static final int WORKERS = 2;

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static String ask(Socket socket, String message) throws IOException {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return answer(socket);
    }

    private static String answer(Socket socket) throws IOException {
        byte[] buffer = new byte[1024];
        InputStream in = socket.getInputStream();
        int n = in.read(buffer);
        return n < 0 ? null : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    private static List<Long> printedPids(ConsoleCapture console) {
        return console.outLines().stream().filter(l -> l.matches("\\d+")).map(Long::parseLong).toList();
    }

    @Test
    void theExtraClientWaitsForAWorkerAndGetsTheOneThatWasFreed() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start();
             EchoServerOnPool server = EchoServerOnPool.start(0, WORKERS)) {
            Socket[] clients = new Socket[WORKERS + 1];
            for (int i = 0; i < WORKERS; i++) {
                clients[i] = connect(server.port());
                assertThat(ask(clients[i], "hello " + i)).isEqualTo("HELLO " + i);
                int served = i + 1;
                await().atMost(Duration.ofSeconds(20)).until(() -> printedPids(console).size() == served);
            }
            List<Long> busy = printedPids(console);
            assertThat(busy).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());

            Socket extra = connect(server.port());
            clients[WORKERS] = extra;
            extra.getOutputStream().write("i am client 3".getBytes(StandardCharsets.UTF_8));
            extra.setSoTimeout(1_000);
            assertThatThrownBy(() -> answer(extra)).as("every worker is busy talking")
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(printedPids(console)).hasSize(WORKERS);

            clients[0].close(); // one client leaves
            extra.setSoTimeout(20_000);
            assertThat(answer(extra)).isEqualTo("I AM CLIENT 3");
            await().atMost(Duration.ofSeconds(20)).until(() -> printedPids(console).size() == WORKERS + 1);
            assertThat(printedPids(console).getLast()).as("served by the departed client's worker").isEqualTo(busy.getFirst());

            assertThat(ask(clients[1], "still here")).isEqualTo("STILL HERE");
            // bytes.upper(): ASCII letters only (String.toUpperCase would give "STRASSE")
            assertThat(ask(clients[1], "straße")).isEqualTo("STRAßE");
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
