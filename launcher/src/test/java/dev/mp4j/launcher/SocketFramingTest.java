package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mp4j.launcher.internal.RuntimeDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How {@link SocketConnection} frames messages: every size around its two buffers, one larger than
 * the buffers and the socket's together, a peer whose frame stops half-way, and a receive right after a send.
 */
@Timeout(60)
class SocketFramingTest {

    private static final int BUFFER = 64 * 1024;
    private static final int HEADER = 4;
    /** The buffer a frame larger than {@link #BUFFER} goes out through. */
    private static final int LARGE_BUFFER = 256 * 1024;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Test
    void framesOfEverySizeAroundTheBufferArriveWholeAndInOrder() throws Exception {
        Connection[] ends = pair();
        int[] sizes = {0, 1, BUFFER - HEADER - 1, BUFFER - HEADER, BUFFER - HEADER + 1, BUFFER - 1, BUFFER, BUFFER + 1,
            2 * BUFFER - HEADER, 2 * BUFFER + 3, LARGE_BUFFER - HEADER, LARGE_BUFFER - HEADER + 1, LARGE_BUFFER + 1,
            5 * (1 << 20) + 7};
        // the reader runs while the writer sends: the largest frames exceed what the socket holds
        CompletableFuture<List<byte[]>> received = CompletableFuture.supplyAsync(() -> {
            List<byte[]> messages = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                messages.add(ends[1].recvBytes());
            }
            return messages;
        }, r -> Thread.ofPlatform().start(r));
        for (int size : sizes) {
            ends[0].sendBytes(pattern(size));
        }
        List<byte[]> messages = received.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < sizes.length; i++) {
            assertThat(messages.get(i)).as("message %d, %d bytes", i, sizes[i]).isEqualTo(pattern(sizes[i]));
        }
    }

    @Test
    void aRangeOfALargeBufferArrivesAsThatRangeOnly() throws Exception {
        Connection[] ends = pair();
        byte[] whole = pattern(3 * BUFFER);
        int offset = BUFFER / 2 + 3;
        int size = 2 * BUFFER + 11;
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(ends[1]::recvBytes, r -> Thread.ofPlatform().start(r));
        ends[0].sendBytes(whole, offset, size);
        assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(java.util.Arrays.copyOfRange(whole, offset, offset + size));
    }

    @Test
    void aPeerGoneInsideAHeaderGivesEndOfFile() throws Exception {
        try (Listener listener = unauthenticatedListener()) {
            try (SocketChannel raw = SocketChannel.open(listener.address().socketAddress())) {
                Connection accepted = listener.accept();
                opened.add(accepted);
                raw.write(ByteBuffer.wrap(new byte[] {0, 0}));
                raw.close();
                assertThatThrownBy(accepted::recvBytes).isInstanceOf(ConnectionClosedException.class)
                        .hasMessageContaining("EOF");
            }
        }
    }

    @Test
    void aPeerThatDiesInsideAFrameGivesEndOfFileNotAPartialMessage() throws Exception {
        try (Listener listener = unauthenticatedListener()) {
            Address address = listener.address();
            ChildProcess child = Processes.start(() -> halfAFrameThenDie(address));
            Connection accepted = listener.accept();
            opened.add(accepted);
            assertThatThrownBy(accepted::recvBytes).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("EOF");
            child.join(Duration.ofSeconds(30));
            assertThat(child.exitcode()).isEqualTo(HALTED);
        }
    }

    private static final int HALTED = 7;

    /** In a child: announces a frame of {@value #BUFFER} * 4 bytes, writes a part of it, and dies. */
    static void halfAFrameThenDie(Address address) {
        SocketAddress where = address.socketAddress();
        try {
            SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX);
            raw.connect(where);
            ByteBuffer frame = ByteBuffer.allocate(HEADER + BUFFER + 5).putInt(4 * BUFFER).put(pattern(BUFFER + 5)).flip();
            while (frame.hasRemaining()) {
                raw.write(frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().halt(HALTED);
    }

    @Test
    void aReplyAlreadyThereIsReadAndAnInterruptedWaitForOneIsCancelled() throws Exception {
        Connection[] ends = pair();
        ends[1].sendBytes(new byte[] {9}); // the answer is there before the question
        ends[0].sendBytes(new byte[] {1});
        assertThat(ends[0].recvBytes()).containsExactly(9);
        assertThat(ends[1].recvBytes()).containsExactly(1);

        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread asker = Thread.ofPlatform().start(() -> {
            ends[0].sendBytes(new byte[] {2});
            try {
                ends[0].recvBytes(); // no reply comes: only the interrupt ends this wait
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        assertThat(ends[1].recvBytes()).containsExactly(2);
        asker.interrupt();
        assertThat(ended.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        asker.join(30_000);
    }

    @Test
    void aPeerClosedWhileAReplyIsAwaitedGivesEndOfFile() throws Exception {
        Connection[] ends = pair();
        CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
            ends[0].sendBytes(new byte[] {1});
            try {
                ends[0].recvBytes();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }, r -> Thread.ofPlatform().start(r));
        assertThat(ends[1].recvBytes()).containsExactly(1);
        ends[1].close();
        assertThat(ended.get(30, TimeUnit.SECONDS)).isInstanceOf(ConnectionClosedException.class);
    }

    private Connection[] pair() throws Exception {
        Listener listener = new Listener();
        opened.add(listener);
        CompletableFuture<Connection> client = CompletableFuture.supplyAsync(() -> Client.connect(listener.address()));
        Connection accepted = listener.accept();
        Connection[] ends = {client.get(30, TimeUnit.SECONDS), accepted};
        opened.addAll(List.of(ends));
        return ends;
    }

    /** A listener that takes raw clients: no challenge comes before their bytes. */
    private static Listener unauthenticatedListener() {
        return new Listener(Address.unix(RuntimeDir.newPath("f", ".sock")), null);
    }

    /** Bytes that differ from their neighbours and from those of any other size, so a lost or moved chunk shows. */
    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251 + size);
        }
        return bytes;
    }
}
