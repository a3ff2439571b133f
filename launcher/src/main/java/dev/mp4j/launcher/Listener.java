package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Challenge;
import dev.mp4j.launcher.internal.RuntimeDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;

/**
 * Python's {@code multiprocessing.connection.Listener}: accepts {@link Connection}s on an
 * {@link Address}. By default a Unix-domain socket in this JVM's private directory; a TCP address binds
 * exactly the host given (use loopback unless other machines must connect). With an authkey, every
 * accepted connection must pass the mutual challenge before {@link #accept()} returns it.
 */
public final class Listener implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Address address;
    private final byte[] authkey;

    /** A Unix-domain listener in the private runtime directory, authenticated with this process tree's key. */
    public Listener() {
        this(Address.unix(RuntimeDir.newPath("l", ".sock")), Multiprocessing.authkey());
    }

    /** Listens on {@code address}; {@code authkey} may be null for no authentication. */
    public Listener(Address address, byte[] authkey) {
        this.authkey = authkey == null ? null : authkey.clone();
        try {
            if (address.isUnix()) {
                server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(address.socketAddress());
            } else {
                server = ServerSocketChannel.open();
                server.bind(new java.net.InetSocketAddress(InetAddress.getByName(address.host()), address.port()), 128);
            }
            this.address = Address.of(server.getLocalAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** The bound address (with the real port when 0 was asked for), for clients to connect to. */
    public Address address() {
        return address;
    }

    /** Waits for the next client; throws {@link AuthenticationException} if it fails the challenge. */
    public Connection accept() {
        try {
            SocketChannel channel = server.accept();
            Connection connection = new SocketConnection(channel, true, true);
            if (authkey != null) {
                try {
                    Challenge.serverSide(connection, authkey);
                } catch (RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("accept failed on " + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            if (address.isUnix()) {
                Files.deleteIfExists(java.nio.file.Path.of(address.toString()));
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
