package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Challenge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/** Python's {@code multiprocessing.connection.Client}: connects to a {@link Listener}. */
public final class Client {

    private Client() {
    }

    /** Connects with this process tree's authkey. */
    public static Connection connect(Address address) {
        return connect(address, Multiprocessing.authkey());
    }

    /** Connects and, when {@code authkey} is not null, passes the mutual challenge. */
    public static Connection connect(Address address, byte[] authkey) {
        SocketChannel channel = null;
        try {
            channel = address.isUnix() ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
            channel.connect(address.socketAddress());
            Connection connection = new SocketConnection(channel, true, true);
            if (authkey != null) {
                Challenge.clientSide(connection, authkey);
            }
            return connection;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot connect to " + address + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
