package dev.mp4j.selectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Client-side checks both echo servers must pass. */
final class EchoChecks {

    private EchoChecks() {
    }

    static Socket connect(int port) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Opens {@code count} connections and holds them all open, then echoes {@code rounds} distinct
     * messages on every one at once (a virtual thread per client socket). Returns the number of
     * messages that came back intact on the socket that sent them.
     */
    static long holdAndEcho(int port, int count, int rounds) throws Exception {
        List<Socket> sockets = new ArrayList<>(count);
        AtomicLong intact = new AtomicLong();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                sockets.add(connect(port));
            }
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Socket s = sockets.get(i);
                int id = i;
                done.add(clients.submit((Callable<Void>) () -> {
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    for (int round = 0; round < rounds; round++) {
                        byte[] message = ("client " + id + " round " + round + "\n").getBytes(StandardCharsets.US_ASCII);
                        out.write(message);
                        if (java.util.Arrays.equals(in.readNBytes(message.length), message)) {
                            intact.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        return intact.get();
    }

    /** A recognisable pattern, so a lost, doubled or reordered byte shows as a mismatch. */
    static byte[] pattern(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + (i >>> 11));
        }
        return data;
    }

    static void assertEchoes(Socket s, String text) throws IOException {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(message);
        assertThat(s.getInputStream().readNBytes(message.length)).isEqualTo(message);
    }
}
