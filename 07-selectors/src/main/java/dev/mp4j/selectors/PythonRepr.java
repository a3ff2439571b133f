package dev.mp4j.selectors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;

/**
 * Python's {@code repr()} of the two things the article prints: {@code bytes} ({@code b'...'}) and a
 * {@code socket.socket}. The socket form leaves out {@code fd=}: Java does not expose a channel's file
 * descriptor portably, and the addresses are what tell connections apart.
 */
final class PythonRepr {

    private PythonRepr() {
    }

    /** {@code repr(data)} of a Python {@code bytes}: {@code b'abc'}, or {@code b"it's"} when that needs no escape. */
    static String bytes(byte[] data, int offset, int length) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = offset; i < offset + length; i++) {
            hasSingle |= data[i] == '\'';
            hasDouble |= data[i] == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(length + 3).append('b').append(quote);
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xff;
            switch (b) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (b == quote) {
                        out.append('\\').append(quote);
                    } else if (b < 0x20 || b >= 0x7f) {
                        out.append(String.format("\\x%02x", b));
                    } else {
                        out.append((char) b);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    static String bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    /** {@code repr(sock)} of a socket channel: {@code <socket.socket family=2, type=1, proto=0, laddr=(...), raddr=(...)>}. */
    static String socket(NetworkChannel channel) {
        try {
            SocketAddress remote = channel instanceof java.nio.channels.SocketChannel socket ? socket.getRemoteAddress() : null;
            return socket(channel.getLocalAddress(), remote);
        } catch (IOException closed) {
            return "<socket.socket [closed] family=2, type=1, proto=0>";
        }
    }

    /** {@code repr(sock)} of a classic socket; before it is bound Python shows {@code laddr=('0.0.0.0', 0)}. */
    static String socket(java.net.Socket socket) {
        if (socket.isClosed()) {
            return "<socket.socket [closed] family=2, type=1, proto=0>";
        }
        return socket(socket.getLocalSocketAddress(), socket.getRemoteSocketAddress());
    }

    private static String socket(SocketAddress local, SocketAddress remote) {
        StringBuilder out = new StringBuilder("<socket.socket family=2, type=1, proto=0, laddr=");
        out.append(local == null ? "('0.0.0.0', 0)" : address(local));
        if (remote != null) {
            out.append(", raddr=").append(address(remote));
        }
        return out.append('>').toString();
    }

    /** A socket address as Python shows it: {@code ('127.0.0.1', 9999)}. */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
            return "('" + host + "', " + inet.getPort() + ")";
        }
        return String.valueOf(address);
    }
}
