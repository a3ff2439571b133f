package dev.mp4j.selectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * S02 — seed 000, IO多路复用 › selectors模块 › 做一个socket servers ("mutlti conn socket client"): five
 * sockets to the echo server; the message goes out in three parts, each part sent on every socket,
 * then the reply read on every socket. Prints the article's lines:
 * {@code ('127.0.0.1', 40868): sending "b'This is the message. '"} and {@code ... received "..."}.
 *
 * <p>Changed from the article: its {@code s.recv(1024)} may return part of an echo (TCP keeps no
 * message boundaries), and the rest would then show up under the next part; here each read collects the
 * whole part before printing it. The sockets are closed at the end (the seed lost the original's
 * {@code s.close()}), which the server answers with {@code closing ...}. The comments' "both sockets"
 * are five. Settings: {@code -Dhost=localhost}, {@code -Dport=9999}.
 */
public final class MultiConnectionClient {

    static final List<byte[]> MESSAGES = List.of(
            "This is the message. ".getBytes(),
            "It will be sent ".getBytes(),
            "in parts.".getBytes());

    private MultiConnectionClient() {
    }

    public static void main(String[] args) throws IOException {
        run(System.getProperty("host", "localhost"), Integer.getInteger("port", 9999), System.out);
    }

    /**
     * Runs the article's client against {@code host:port}, printing to {@code out}; returns what each
     * socket received, keyed by its local port.
     */
    public static Map<Integer, byte[]> run(String host, int port, PrintStream out) throws IOException {
        List<Socket> socks = new ArrayList<>();
        Map<Integer, ByteArrayOutputStream> received = new LinkedHashMap<>();
        try {
            for (int i = 0; i < 5; i++) {
                socks.add(new Socket()); // socket.socket(AF_INET, SOCK_STREAM)
            }
            out.println(socks.stream().map(PythonRepr::socket).collect(Collectors.joining(", ", "[", "]")));
            // Connect the socket to the port where the server is listening
            out.println("connecting to " + host + " port " + port);
            for (Socket s : socks) {
                s.connect(new InetSocketAddress(host, port));
                received.put(s.getLocalPort(), new ByteArrayOutputStream());
            }
            for (byte[] message : MESSAGES) {
                // Send messages on all sockets
                for (Socket s : socks) {
                    out.println(sockname(s) + ": sending \"" + PythonRepr.bytes(message) + "\"");
                    s.getOutputStream().write(message);
                }
                // Read responses on all sockets
                for (Socket s : socks) {
                    byte[] data = recvExactly(s.getInputStream(), message.length);
                    out.println(sockname(s) + ": received \"" + PythonRepr.bytes(data) + "\"");
                    received.get(s.getLocalPort()).writeBytes(data);
                    if (data.length == 0) {
                        out.println("closing socket " + sockname(s));
                    }
                }
            }
        } finally {
            for (Socket s : socks) {
                s.close();
            }
        }
        Map<Integer, byte[]> result = new LinkedHashMap<>();
        received.forEach((localPort, bytes) -> result.put(localPort, bytes.toByteArray()));
        return result;
    }

    /** Python's {@code s.getsockname()}: {@code ('127.0.0.1', 40868)}. */
    private static String sockname(Socket s) {
        return PythonRepr.address(s.getLocalSocketAddress());
    }

    /** Reads until {@code length} bytes arrived or the server closed; fewer bytes only in the latter case. */
    private static byte[] recvExactly(InputStream in, int length) throws IOException {
        return in.readNBytes(length);
    }
}
