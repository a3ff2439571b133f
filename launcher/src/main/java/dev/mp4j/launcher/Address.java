package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link Listener} listens: a Unix-domain socket path (the default, private to this machine
 * and user) or a TCP host and port (for reaching a Manager from another machine).
 */
public final class Address implements Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String unixPath;
    private final String host;
    private final int port;

    private Address(String unixPath, String host, int port) {
        this.unixPath = unixPath;
        this.host = host;
        this.port = port;
    }

    public static Address unix(Path path) {
        return new Address(path.toString(), null, -1);
    }

    /** A TCP address; port 0 asks the listener for any free port. */
    public static Address tcp(String host, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        return new Address(null, Objects.requireNonNull(host, "host"), port);
    }

    static Address of(SocketAddress bound) {
        if (bound instanceof UnixDomainSocketAddress unix) {
            return unix(unix.getPath());
        }
        InetSocketAddress inet = (InetSocketAddress) bound;
        return tcp(inet.getHostString(), inet.getPort());
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.ADDRESS);
        out.writeBoolean(isUnix());
        if (isUnix()) {
            out.writeUTF(unixPath);
        } else {
            out.writeUTF(host);
            out.writeInt(port);
        }
    }

    static Address readHandle(DataInput in) throws IOException {
        if (in.readBoolean()) {
            return new Address(in.readUTF(), null, -1);
        }
        return tcp(in.readUTF(), in.readInt()); // a bad port fails as it does for a caller
    }

    public boolean isUnix() {
        return unixPath != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    SocketAddress socketAddress() {
        return isUnix() ? UnixDomainSocketAddress.of(unixPath) : new InetSocketAddress(host, port);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address that && Objects.equals(unixPath, that.unixPath)
                && Objects.equals(host, that.host) && port == that.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unixPath, host, port);
    }

    @Override
    public String toString() {
        return isUnix() ? unixPath : host + ":" + port;
    }
}
