package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Python's {@code multiprocessing.Pipe()}: two connected ends. Duplex by default (both ends send and
 * receive); {@code create(false)} gives a receive-only {@link #conn1()} and a send-only
 * {@link #conn2()}, as Python's {@code Pipe(duplex=False)}.
 *
 * <pre>{@code
 * Pipe pipe = Pipe.create();
 * ChildProcess p = new ChildProcess(() -> pipe.conn2().send("hello"));
 * p.start();
 * pipe.conn1().recv();   // "hello"
 * }</pre>
 *
 * The ends are {@link Connection} handles: pass either to any process (parent or child, child to
 * child). The process that creates the pipe connects the ends; when one end is used here and the
 * other in a child, messages cross a single Unix-domain socket.
 *
 * @param conn1 the first end (Python's {@code pipe[0]}); receive-only when not duplex
 * @param conn2 the second end (Python's {@code pipe[1]}); send-only when not duplex
 */
public record Pipe(Connection conn1, Connection conn2) implements java.io.Serializable, Handle {

    /** The ends come from {@link #create}: a pipe's ends travel between processes, a socket's do not. */
    public Pipe {
        if (!(conn1 instanceof PipeConnection) || !(conn2 instanceof PipeConnection)) {
            throw new IllegalArgumentException("a Pipe's ends are made by Pipe.create()");
        }
    }

    /** A duplex pipe. */
    public static Pipe create() {
        return create(true);
    }

    /** A pipe; with {@code duplex} false, {@link #conn1()} only receives and {@link #conn2()} only sends. */
    public static Pipe create(boolean duplex) {
        long id = IpcBroker.register(new PipeCore());
        return new Pipe(new PipeConnection(id, 0, true, duplex), new PipeConnection(id, 1, duplex, true));
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        out.writeByte(HandleKinds.PIPE);
        ((PipeConnection) conn1).writeHandle(out);
        ((PipeConnection) conn2).writeHandle(out);
    }

    static Pipe readHandle(DataInput in) throws IOException {
        return new Pipe(HandleCodec.readField(in, PipeConnection.class), HandleCodec.readField(in, PipeConnection.class));
    }

    /** Python's {@code pipe[0]} and {@code pipe[1]}. */
    public Connection get(int index) {
        return switch (index) {
            case 0 -> conn1;
            case 1 -> conn2;
            default -> throw new IndexOutOfBoundsException("a pipe has two ends, 0 and 1; asked for " + index);
        };
    }
}
