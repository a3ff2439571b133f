package dev.mp4j.launcher;

import java.util.Collection;
import java.util.List;

/**
 * Python's {@code multiprocessing.connection.Connection}: one end of a channel carrying whole messages,
 * whether it is an end of a {@link Pipe} or a socket from {@link Listener#accept()} or
 * {@link Client#connect}. {@link #send} encodes an object, {@link #sendBytes} sends bytes as they are;
 * each message arrives whole at the other end's {@link #recv} / {@link #recvBytes}. Once the other end
 * has closed, or its process has died, receiving raises {@link ConnectionClosedException} (Python's
 * {@code EOFError}) instead of blocking.
 *
 * <p>Misuse is refused as CPython refuses it: {@code "connection is read-only"} /
 * {@code "connection is write-only"} for the wrong direction, {@code "handle is closed"} after
 * {@link #close()}, {@link IllegalArgumentException} (CPython's ValueError) for a {@code sendBytes}
 * range outside the buffer. Timeouts and interrupts follow the launcher's rule: a negative timeout is 0,
 * an interrupted wait raises {@link java.util.concurrent.CancellationException}.
 */
public sealed interface Connection extends AutoCloseable permits PipeConnection, SocketConnection {

    /** Encodes {@code value} and sends it; a value that cannot be serialized fails here, naming its class. */
    void send(Object value);

    /** Receives the next object sent with {@link #send}, blocking until it arrives. */
    Object recv();

    /** Sends the whole of {@code bytes} as one message. */
    default void sendBytes(byte[] bytes) {
        sendBytes(bytes, 0, bytes.length);
    }

    /**
     * Sends {@code size} bytes of {@code buffer} from {@code offset} as one message (Python's
     * {@code send_bytes(buf, offset, size)}); a range outside the buffer is refused before anything is sent.
     */
    void sendBytes(byte[] buffer, int offset, int size);

    /** Receives the next whole message as bytes, blocking until it arrives. */
    byte[] recvBytes();

    /** Whether a message (or end-of-file) is waiting, without blocking. */
    default boolean poll() {
        return poll(0);
    }

    /** Waits up to {@code timeoutSeconds} for a message or end-of-file; negative means 0. */
    boolean poll(double timeoutSeconds);

    boolean closed();

    boolean readable();

    boolean writable();

    /** Closes this end; the other end reads what was already sent, then gets end-of-file. */
    @Override
    void close();

    /**
     * Python's {@code multiprocessing.connection.wait(object_list, timeout)}: waits until at least one of
     * {@code objects} is ready and returns those that are, in the order given — a {@link Connection}
     * with a message or end-of-file waiting, a started {@link ChildProcess} that has ended (CPython's
     * {@code p.sentinel}). An empty list once the timeout has passed (negative: 0).
     */
    static <T> List<T> wait(Collection<T> objects, double timeoutSeconds) {
        return ReadyWait.await(objects, timeoutSeconds);
    }

    /** {@link #wait(Collection, double)} with no timeout: returns once something is ready. */
    static <T> List<T> wait(Collection<T> objects) {
        return ReadyWait.await(objects, dev.mp4j.launcher.internal.Timeouts.FOREVER);
    }
}
