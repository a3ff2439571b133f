package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.ValueCodec;
import dev.mp4j.launcher.internal.Timeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Connection} over a socket: what {@link Listener#accept()} and {@link Client#connect} return, and
 * what the queue, pipe and manager machinery talks over.
 *
 * <p>Frames are a 4-byte big-endian length and the bytes. The channel is non-blocking: waits go
 * through a selector, which is what lets {@link #poll(double)} wait with a timeout. One thread may send
 * while another receives; concurrent senders (or receivers) take turns.
 *
 * <p>A frame goes out through a direct buffer of this connection: a small one (header and body) in one
 * write through a {@value #BUFFER_BYTES}-byte buffer, a larger one {@value #LARGE_BUFFER_BYTES} bytes at
 * a time through a second buffer made at the first such frame, without the copy of its whole rest that
 * the JDK makes for every write of a heap array. On a Unix-domain socket the kernel is asked to hold up
 * to {@value #UNIX_SEND_BUFFER_BYTES} bytes in flight, so that such a frame goes in without the writer
 * waiting for the reader at every few hundred KiB. Receiving right after sending (a request and its
 * reply) does not read at once, as the reply cannot be there yet; otherwise it reads first. Before it
 * sleeps on the selector, a receive keeps reading for a while ({@link ReadSpin}).
 */
final class SocketConnection implements Connection {

    private static final int HEADER_BYTES = 4;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int LARGE_BUFFER_BYTES = 256 * 1024;
    /** SO_SNDBUF asked for (Linux caps it at net.core.wmem_max, then doubles it for its own accounting). */
    private static final int UNIX_SEND_BUFFER_BYTES = 2 * 1024 * 1024;

    private final SocketChannel channel;
    private final boolean readable;
    private final boolean writable;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ByteBuffer inbound = ByteBuffer.allocateDirect(BUFFER_BYTES).flip();
    private ByteBuffer outbound; // direct, made at the first send
    private ByteBuffer largeOutbound; // direct, made at the first frame larger than outbound
    private volatile boolean replyAwaited; // sent since the last receive: a hint, not a state
    private final ReadSpin spin = new ReadSpin(); // under readLock
    private Selector readSelector;
    private Selector writeSelector;
    private volatile boolean closed;
    private boolean endOfStream;

    SocketConnection(SocketChannel channel, boolean readable, boolean writable) throws IOException {
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
        channel.configureBlocking(false);
        switch (channel.getRemoteAddress()) {
            case java.net.InetSocketAddress _ -> channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            case java.net.UnixDomainSocketAddress _ -> channel.setOption(StandardSocketOptions.SO_SNDBUF, UNIX_SEND_BUFFER_BYTES);
            default -> {
            }
        }
    }

    @Override
    public void send(Object value) {
        sendBytes(ValueCodec.encode(value, "sent on a connection"));
    }

    @Override
    public Object recv() {
        return ValueCodec.decode(recvBytes());
    }

    @Override
    public void sendBytes(byte[] bytes, int offset, int length) {
        checkOpen();
        if (!writable) {
            throw new IllegalStateException("connection is read-only");
        }
        BufferRange.check(bytes, offset, length);
        writeLock.lock();
        try {
            writeFrame(bytes, offset, length);
            replyAwaited = true;
        } catch (IOException e) {
            throw closedOrFailed(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The header and the body through a direct buffer, refilled as the socket takes its bytes. */
    private void writeFrame(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer out = bufferFor(HEADER_BYTES + length).clear().putInt(length);
        int next = offset;
        int end = offset + length;
        do {
            int copied = Math.min(out.remaining(), end - next);
            out.put(bytes, next, copied);
            next += copied;
            out.flip();
            if (channel.write(out) == 0) {
                awaitWritable();
            }
            out.compact();
        } while (next < end || out.position() > 0);
    }

    private ByteBuffer bufferFor(int frameBytes) {
        if (frameBytes > BUFFER_BYTES) {
            if (largeOutbound == null) {
                largeOutbound = ByteBuffer.allocateDirect(LARGE_BUFFER_BYTES);
            }
            return largeOutbound;
        }
        if (outbound == null) {
            outbound = ByteBuffer.allocateDirect(BUFFER_BYTES);
        }
        return outbound;
    }

    /** Receives the next whole message as bytes, blocking until it arrives. */
    @Override
    public byte[] recvBytes() {
        checkReadable();
        readLock.lock();
        try {
            if (replyAwaited && inbound.remaining() < HEADER_BYTES) {
                replyAwaited = false;
                if (!spinRead()) {
                    awaitReadable(-1); // the reply to what was just sent: not there yet
                }
            }
            fill(HEADER_BYTES);
            int length = inbound.getInt();
            byte[] message = new byte[length];
            int buffered = Math.min(length, inbound.remaining());
            inbound.get(message, 0, buffered);
            ByteBuffer rest = ByteBuffer.wrap(message, buffered, length - buffered);
            while (rest.hasRemaining()) {
                if (readSome(rest) == 0) {
                    awaitReadable(-1);
                }
            }
            return message;
        } catch (IOException e) {
            throw closedOrFailed(e);
        } finally {
            readLock.unlock();
        }
    }

    /** Waits up to {@code timeoutSeconds} for a message (or end-of-file); negative means 0. */
    @Override
    public boolean poll(double timeoutSeconds) {
        checkReadable();
        readLock.lock();
        try {
            if (inbound.hasRemaining() || endOfStream) {
                return true;
            }
            long nanos = Timeouts.nanos(timeoutSeconds);
            long millis = nanos == Timeouts.NO_DEADLINE ? -1 : (nanos + 999_999) / 1_000_000;
            if (readIntoBuffer() != 0) {
                return true;
            }
            if (millis == 0) {
                return false;
            }
            awaitReadable(millis);
            return readIntoBuffer() != 0;
        } catch (ConnectionClosedException e) {
            return true; // recv will not block: it raises
        } catch (IOException e) {
            throw closedOrFailed(e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public boolean closed() {
        return closed;
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
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
            if (readSelector != null) {
                readSelector.close();
            }
            if (writeSelector != null) {
                writeSelector.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Makes {@code bytes} bytes available in {@link #inbound}. */
    private void fill(int bytes) throws IOException {
        while (inbound.remaining() < bytes) {
            if (readIntoBuffer() == 0 && !spinRead()) {
                awaitReadable(-1);
            }
        }
    }

    /** Reads without sleeping for the {@link ReadSpin} window: true once some bytes came. */
    private boolean spinRead() throws IOException {
        long window = spin.windowNanos();
        if (window == 0) {
            return false;
        }
        long start = System.nanoTime();
        do {
            Thread.onSpinWait();
            if (readIntoBuffer() != 0) {
                spin.found(System.nanoTime() - start);
                return true;
            }
        } while (System.nanoTime() - start < window);
        spin.ranOut();
        return false;
    }

    /** Reads what the socket has into the buffer: bytes read, 0 if none, -1 never (EOF throws). */
    private int readIntoBuffer() throws IOException {
        inbound.compact();
        try {
            return readSome(inbound);
        } finally {
            inbound.flip();
        }
    }

    private int readSome(ByteBuffer target) throws IOException {
        int read = endOfStream ? -1 : channel.read(target);
        if (read < 0) {
            endOfStream = true;
            throw new ConnectionClosedException("the other end of the connection was closed (EOF)");
        }
        return read;
    }

    private void awaitReadable(long millis) throws IOException {
        if (readSelector == null) {
            readSelector = Selector.open();
            channel.register(readSelector, SelectionKey.OP_READ);
        }
        select(readSelector, millis);
    }

    private void awaitWritable() throws IOException {
        if (writeSelector == null) {
            writeSelector = Selector.open();
            channel.register(writeSelector, SelectionKey.OP_WRITE);
        }
        select(writeSelector, -1);
    }

    private void select(Selector selector, long millis) throws IOException {
        checkOpen();
        if (millis < 0) {
            selector.select();
        } else {
            selector.select(Math.max(1, millis));
        }
        selector.selectedKeys().clear();
        Timeouts.checkInterrupt("a connection");
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

    private RuntimeException closedOrFailed(IOException e) {
        if (closed) {
            return new IllegalStateException("handle is closed", e);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Broken pipe") || message.contains("Connection reset")) {
            return new ConnectionClosedException("the other end of the connection was closed (" + message + ")");
        }
        return new UncheckedIOException(e);
    }
}
