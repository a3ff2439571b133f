package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.RuntimeDir;
import dev.mp4j.launcher.internal.Serialization;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listener, Client and Connection, after CPython's _TestConnection and _TestListenerClient. */
class ConnectionTest {

    static void echoServer(Address address) {
        try (Connection connection = Client.connect(address)) {
            while (true) {
                byte[] message = connection.recvBytes();
                if (message.length == 0) {
                    return;
                }
                connection.sendBytes(message);
            }
        }
    }

    @Test
    void messagesCrossToAChildJvmAndBackWhole() throws Exception {
        try (Listener listener = new Listener()) {
            Address address = listener.address();
            ChildProcess echo = new ChildProcess(() -> echoServer(address));
            echo.start();
            try (Connection connection = listener.accept()) {
                connection.send(List.of("hello", 42, 3.14));
                assertThat(Serialization.fromBytes(connection.recvBytes())).isEqualTo(List.of("hello", 42, 3.14));
                byte[] big = new byte[1 << 20];
                big[0] = 1;
                big[big.length - 1] = 2;
                connection.sendBytes(big);
                assertThat(connection.recvBytes()).isEqualTo(big);
                connection.sendBytes(new byte[0]);
                assertThatThrownBy(connection::recvBytes).isInstanceOf(ConnectionClosedException.class);
            }
            echo.join();
            assertThat(echo.exitcode()).isZero();
        }
    }

    @Test
    void pollSaysWhetherAMessageIsWaiting() throws Exception {
        try (Listener listener = new Listener()) {
            CompletableFuture<Connection> client = CompletableFuture.supplyAsync(() -> Client.connect(listener.address()));
            try (Connection server = listener.accept(); Connection peer = client.get(10, TimeUnit.SECONDS)) {
                assertThat(server.poll()).isFalse();
                long start = System.nanoTime();
                assertThat(server.poll(0.2)).isFalse();
                assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190));
                peer.send("ping");
                assertThat(server.poll(10)).isTrue();
                assertThat(server.recv()).isEqualTo("ping");
                peer.close();
                assertThat(server.poll(10)).as("end-of-file counts as readable").isTrue();
                assertThatThrownBy(server::recv).isInstanceOf(ConnectionClosedException.class);
                server.close();
                assertThatThrownBy(server::recv).isInstanceOf(IllegalStateException.class).hasMessage("handle is closed");
            }
        }
    }

    @Test
    void aWrongAuthkeyIsRefusedOnBothSides() throws Exception {
        try (Listener listener = new Listener(Address.unix(RuntimeDir.newPath("auth", ".sock")), "right".getBytes())) {
            CompletableFuture<Connection> client = CompletableFuture.supplyAsync(() -> Client.connect(listener.address(), "wrong".getBytes()));
            assertThatThrownBy(listener::accept).isInstanceOf(AuthenticationException.class).hasMessageContaining("digest received was wrong");
            assertThat(client).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause()
                    .isInstanceOf(AuthenticationException.class).withMessageContaining("authkey does not match");
        }
    }

    @Test
    void tcpListenersBindLoopbackAndAuthenticate() throws Exception {
        try (Listener listener = new Listener(Address.tcp("127.0.0.1", 0), "key".getBytes())) {
            assertThat(listener.address().port()).isPositive();
            CompletableFuture<Connection> client = CompletableFuture.supplyAsync(() -> Client.connect(listener.address(), "key".getBytes()));
            try (Connection server = listener.accept(); Connection peer = client.get(10, TimeUnit.SECONDS)) {
                peer.send("over tcp");
                assertThat(server.recv()).isEqualTo("over tcp");
            }
        }
    }

    @Test
    void anUnserializableMessageFailsInSendNamingItsClass() throws Exception {
        try (Listener listener = new Listener()) {
            CompletableFuture<Connection> client = CompletableFuture.supplyAsync(() -> Client.connect(listener.address()));
            try (Connection server = listener.accept(); Connection peer = client.get(10, TimeUnit.SECONDS)) {
                assertThatThrownBy(() -> peer.send(new Object()))
                        .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
                assertThat(server.poll()).as("nothing half-sent").isFalse();
            }
        }
    }
}
