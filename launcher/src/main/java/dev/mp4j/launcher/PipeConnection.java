package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import dev.mp4j.launcher.internal.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * One end of a {@link Pipe}: the {@link Connection} that Python's {@code Pipe()} returns, but a handle
 * that may travel. Captured by a target or sent through a queue or another pipe, it works in
 * whichever process uses it first: there it connects to the pipe's owner (the process that created
 * the pipe) on first use. Use each end in one process.
 *
 * <p>{@link #send} serializes in the caller's thread (an unserializable object fails there with
 * {@link SerializationException}); {@link #recv} blocks until a message arrives, and raises
 * {@link ConnectionClosedException} (Python's EOFError) once the other end has been closed, or its
 * process or the owner has died, and nothing is left to read. Closing an end that was never used in
 * this process only closes this handle (as a parent closes its copy of the child's end).
 */
final class PipeConnection implements Connection, Serializable, Handle {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long pipeId;
    private final int end;
    private final boolean readable;
    private final boolean writable;
    private Address owner; // set when the handle first leaves its owner's process
    private transient volatile boolean closed;
    private transient volatile Object transport; // PipeCore (owned here) or Connection (to the owner)
    private transient Object attachLock;

    PipeConnection(long pipeId, int end, boolean readable, boolean writable) {
        this.pipeId = pipeId;
        this.end = end;
        this.readable = readable;
        this.writable = writable;
    }

    /** Serializes {@code value} and sends it to the other end. */
    @Override
    public void send(Object value) {
        byte[] message = ValueCodec.encode(value, "sent through a pipe");
        send(message, 0, message.length, false);
    }

    /** Receives the next object sent with {@link #send}. */
    @Override
    public Object recv() {
        return ValueCodec.decode(recvBytes());
    }

    /** Sends {@code length} bytes of {@code bytes} from {@code offset} as one message. */
    @Override
    public void sendBytes(byte[] bytes, int offset, int length) {
        BufferRange.check(bytes, offset, length);
        send(bytes, offset, length, true);
    }

    /** {@code shared}: the caller keeps the array, so a message left waiting in memory needs its own copy. */
    private void send(byte[] bytes, int offset, int length, boolean shared) {
        checkOpen();
        if (!writable) {
            throw new IllegalStateException("connection is read-only");
        }
        Object via = transport();
        if (via instanceof PipeCore core) {
            core.send(end, bytes, offset, length, shared);
        } else {
            ((Connection) via).sendBytes(bytes, offset, length);
        }
    }

    /** Receives the next whole message as bytes. */
    @Override
    public byte[] recvBytes() {
        checkReadable();
        Object via = transport();
        return via instanceof PipeCore core ? core.recv(end) : ((Connection) via).recvBytes();
    }

    /** Waits up to {@code timeoutSeconds} for a message or end-of-file; negative means 0. */
    @Override
    public boolean poll(double timeoutSeconds) {
        checkReadable();
        Object via = transport();
        return via instanceof PipeCore core ? core.poll(end, timeoutSeconds) : ((Connection) via).poll(timeoutSeconds);
    }

    @Override
    public boolean readable() {
        return readable;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Object via = transport;
        if (via instanceof PipeCore core) {
            core.close(end);
        } else if (via instanceof Connection connection) {
            connection.close();
        }
    }

    /** Attaches this end on first use: to the pipe's state here, or to its owner over a socket. */
    private Object transport() {
        Object via = transport;
        if (via != null) {
            return via;
        }
        synchronized (lock()) {
            if (transport == null) {
                PipeCore core = IpcBroker.localPipe(pipeId);
                if (core != null) {
                    core.attachLocal(end);
                    transport = core;
                } else {
                    if (owner == null) {
                        throw new IllegalStateException("this pipe end has no owner address");
                    }
                    transport = IpcBroker.connect(owner, IpcBroker.PIPE, pipeId, end, "the pipe").connection();
                }
            }
            via = transport;
        }
        return via;
    }

    private synchronized Object lock() {
        if (attachLock == null) {
            attachLock = new Object();
        }
        return attachLock;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("handle is closed");
        }
    }

    private void checkReadable() {
        checkOpen();
        if (!readable) {
            throw new IllegalStateException("connection is write-only");
        }
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        leaving();
        out.defaultWriteObject();
    }

    private void leaving() {
        if (closed) {
            throw new IllegalStateException("handle is closed");
        }
        if (owner == null) {
            owner = IpcBroker.address();
        }
    }

    @Override
    public void writeHandle(DataOutput out) throws IOException {
        leaving();
        out.writeByte(HandleKinds.PIPE_CONNECTION);
        out.writeLong(pipeId);
        out.writeInt(end);
        out.writeBoolean(readable);
        out.writeBoolean(writable);
        HandleCodec.writeOptional(owner, out);
    }

    static PipeConnection readHandle(DataInput in) throws IOException {
        PipeConnection connection = new PipeConnection(in.readLong(), in.readInt(), in.readBoolean(), in.readBoolean());
        connection.owner = HandleCodec.readField(in, Address.class);
        return connection;
    }

    @Override
    public String toString() {
        return "<PipeConnection end=" + end + (readable ? " r" : "") + (writable ? "w" : "") + (closed ? " closed" : "") + ">";
    }
}
