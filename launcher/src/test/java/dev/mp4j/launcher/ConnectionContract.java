package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Connection}, after CPython's _TestConnection, run against both kinds of end:
 * a {@link Pipe}'s and a socket from {@link Listener} and {@link Client}.
 */
abstract class ConnectionContract {

    /** What a test opened: closed after it. */
    final List<AutoCloseable> opened = new ArrayList<>();

    /** Two connected ends, both usable in this JVM. */
    abstract Connection[] connectedPair() throws Exception;

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    private Connection[] pair() throws Exception {
        Connection[] ends = connectedPair();
        opened.addAll(List.of(ends));
        return ends;
    }

    @Test
    void objectsAndBytesArriveWholeInBothDirections() throws Exception {
        Connection[] ends = pair();
        for (Object value : Arrays.asList("hello", 42, 7L, 3.14, true, null, List.of("a", 1))) {
            ends[0].send(value);
            assertThat(ends[1].recv()).isEqualTo(value);
        }
        byte[] big = new byte[1 << 20];
        big[0] = 1;
        big[big.length - 1] = 2;
        // a socket holds less than a megabyte: the other end reads while this one sends, as a peer would
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(ends[0]::recvBytes, r -> Thread.ofPlatform().start(r));
        ends[1].sendBytes(big);
        assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(big);
        ends[1].sendBytes(new byte[0]);
        assertThat(ends[0].recvBytes()).isEmpty();
    }

    @Test
    void sendBytesSendsTheRangeAskedForAndRefusesOneOutsideTheBuffer() throws Exception {
        Connection[] ends = pair();
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
        ends[0].sendBytes(alphabet, 10, 5);
        assertThat(new String(ends[1].recvBytes(), StandardCharsets.US_ASCII)).isEqualTo("klmno");
        ends[0].sendBytes(alphabet, 26, 0);
        assertThat(ends[1].recvBytes()).isEmpty();
        // CPython's test_connection: ValueError for each of these, and nothing sent
        assertThatThrownBy(() -> ends[0].sendBytes(alphabet, -1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessage("offset is negative");
        assertThatThrownBy(() -> ends[0].sendBytes(alphabet, 27, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage("buffer length < offset");
        assertThatThrownBy(() -> ends[0].sendBytes(alphabet, 7, -1)).isInstanceOf(IllegalArgumentException.class).hasMessage("size is negative");
        assertThatThrownBy(() -> ends[0].sendBytes(alphabet, 10, 17)).isInstanceOf(IllegalArgumentException.class).hasMessage("buffer length < offset + size");
        assertThat(ends[1].poll(0.1)).as("a refused range sends nothing").isFalse();
    }

    @Test
    void pollWaitsAtLeastItsTimeoutAndANegativeOneIsZero() throws Exception {
        Connection[] ends = pair();
        assertThat(ends[1].poll()).isFalse();
        long start = System.nanoTime();
        assertThat(ends[1].poll(0.2)).isFalse();
        assertThat(Processes.elapsed(start)).isGreaterThanOrEqualTo(0.2);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ends[1].poll(-1))).isFalse();
        ends[0].send("ping");
        assertThat(ends[1].poll(30)).isTrue();
        assertThat(ends[1].recv()).isEqualTo("ping");
    }

    @Test
    void closingAnEndGivesTheOtherWhatWasSentThenEndOfFile() throws Exception {
        Connection[] ends = pair();
        ends[0].send("last");
        ends[0].close();
        assertThat(ends[0].closed()).isTrue();
        assertThatThrownBy(() -> ends[0].send("more")).isInstanceOf(IllegalStateException.class).hasMessage("handle is closed");
        assertThat(ends[1].recv()).isEqualTo("last");
        assertThat(ends[1].poll(30)).as("end-of-file is ready too").isTrue();
        assertThatThrownBy(ends[1]::recv).isInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void waitReturnsTheReadyOnesInOrderOrNoneAfterTheTimeout() throws Exception {
        Connection[] first = pair();
        Connection[] second = pair();
        List<Connection> receivers = List.of(first[1], second[1]);
        long start = System.nanoTime();
        assertThat(Connection.wait(receivers, 0.2)).isEmpty();
        assertThat(Processes.elapsed(start)).isGreaterThanOrEqualTo(0.2);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Connection.wait(receivers, -1))).isEmpty();

        second[0].send("two");
        assertThat(Connection.wait(receivers, 30)).containsExactly(second[1]);
        first[0].send("one");
        assertThat(Connection.wait(receivers)).containsExactly(first[1], second[1]);
        assertThat(first[1].recv()).isEqualTo("one");
        assertThat(second[1].recv()).isEqualTo("two");
    }

    @Test
    void waitSeesAProcessEndLikeItsSentinel() throws Exception {
        Connection[] ends = pair();
        ChildProcess child = Processes.start(() -> { });
        List<Object> waitable = List.of(ends[1], child);
        assertThat(Connection.wait(waitable, 30)).containsExactly(child);
        Processes.joinOk(child);
        assertThatThrownBy(() -> Connection.wait(List.of(new ChildProcess(() -> { })), 0))
                .isInstanceOf(IllegalStateException.class).hasMessage("can only wait for a started process");
        assertThatThrownBy(() -> Connection.wait(List.of("not waitable"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptedRecvIsCancelled() throws Exception {
        Connection[] ends = pair();
        Interrupts.assertInterruptedWaitIsCancelled(ends[1]::recv);
    }
}
