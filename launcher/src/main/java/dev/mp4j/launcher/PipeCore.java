package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Timeouts;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One pipe, in the process that created it. Each end is attached at its first use: locally (used in
 * this process) or remotely (a handle in another process connected to the {@link IpcBroker}).
 * Messages take the shortest way the attachments allow:
 * <ul>
 *   <li>one end here, the other remote: this process reads and writes the remote end's socket
 *       directly, so a message crosses one socket, as through an OS pipe;</li>
 *   <li>both remote (two children): the owner relays between the two sockets, one thread per
 *       direction, and half-closes the far side when the near side ends;</li>
 *   <li>both here, or the peer not yet attached: messages wait in memory for their end.</li>
 * </ul>
 * A remote end that is not attached yet simply leaves its messages in its socket until its peer
 * appears. An end may be attached in one process only.
 */
final class PipeCore {

    private static final int NONE = 0;
    private static final int LOCAL = 1;
    private static final int REMOTE = 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final End[] ends = {new End(), new End()};

    private static final class End {
        int state = NONE;
        boolean closed; // attached here and closed: its peer reads what is left, then EOF
        Connection connection; // when REMOTE
        SocketChannel channel;
        ArrayDeque<byte[]> inbox = new ArrayDeque<>(); // messages for this end sent from here
    }

    void attachLocal(int end) {
        lock.lock();
        try {
            if (ends[end].state == REMOTE) {
                throw new IllegalStateException("this pipe end is already in use in another process");
            }
            ends[end].state = LOCAL;
        } finally {
            lock.unlock();
        }
    }

    /** Called on the broker's session thread for a handle that connected from another process. */
    void attachRemote(int end, Connection connection, SocketChannel channel) {
        End me = ends[end];
        End peer = ends[1 - end];
        boolean relay;
        lock.lock();
        try {
            if (me.state != NONE) {
                IpcBroker.refuse(connection, "this pipe end is already in use in another process");
                connection.close();
                return;
            }
            connection.sendBytes(new byte[] {IpcBroker.HELLO_OK});
            // what a local peer sent before this end arrived goes first, under the lock, so that
            // sends made after the state change below are queued behind it
            for (byte[] message : me.inbox) {
                connection.sendBytes(message);
            }
            me.inbox = null;
            me.state = REMOTE;
            me.connection = connection;
            me.channel = channel;
            if (peer.closed) {
                connection.close();
            }
            relay = peer.state == REMOTE;
            changed.signalAll();
        } catch (RuntimeException gone) {
            connection.close();
            return;
        } finally {
            lock.unlock();
        }
        if (relay) {
            startRelay(peer, me);
            startRelay(me, peer);
        }
    }

    private static void startRelay(End from, End to) {
        Thread.ofPlatform().daemon().name("mp4j-pipe-relay").start(() -> {
            try {
                while (true) {
                    byte[] message;
                    try {
                        message = from.connection.recvBytes();
                    } catch (RuntimeException endOfInput) {
                        shutdownOutput(to.channel); // the far side reads what is left, then EOF
                        return;
                    }
                    try {
                        to.connection.sendBytes(message);
                    } catch (RuntimeException farSideGone) {
                        from.connection.close(); // the sender's next send fails: broken pipe
                        return;
                    }
                }
            } finally {
                if (!to.channel.isOpen()) {
                    from.connection.close();
                }
            }
        });
    }

    private static void shutdownOutput(SocketChannel channel) {
        try {
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /**
     * Sends {@code length} bytes of {@code bytes} from {@code offset}. Only a message left waiting in memory
     * is copied (when the caller keeps the array, {@code shared}, or sends part of it); one for a remote
     * end goes straight from the caller's array into the socket.
     */
    void send(int end, byte[] bytes, int offset, int length, boolean shared) {
        End peer = ends[1 - end];
        Connection direct;
        lock.lock();
        try {
            if (peer.closed) {
                throw new ConnectionClosedException("the other end of the pipe was closed (broken pipe)");
            }
            if (peer.state != REMOTE) {
                boolean whole = offset == 0 && length == bytes.length;
                peer.inbox.addLast(whole && !shared ? bytes : Arrays.copyOfRange(bytes, offset, offset + length));
                changed.signalAll();
                return;
            }
            direct = peer.connection;
        } finally {
            lock.unlock();
        }
        direct.sendBytes(bytes, offset, length);
    }

    byte[] recv(int end) {
        End me = ends[end];
        End peer = ends[1 - end];
        Connection direct;
        lock.lock();
        try {
            while (true) {
                byte[] message = me.inbox.pollFirst();
                if (message != null) {
                    return message;
                }
                if (peer.closed) {
                    throw new ConnectionClosedException("the other end of the pipe was closed (EOF)");
                }
                if (peer.state == REMOTE) {
                    direct = peer.connection;
                    break;
                }
                changed.await();
            }
        } catch (InterruptedException e) {
            throw Timeouts.interrupted(e, "a pipe");
        } finally {
            lock.unlock();
        }
        return direct.recvBytes();
    }

    boolean poll(int end, double timeoutSeconds) {
        long timeoutNanos = Queue.nanos(timeoutSeconds);
        long start = System.nanoTime();
        End me = ends[end];
        End peer = ends[1 - end];
        lock.lock();
        Connection direct;
        try {
            long remaining = timeoutNanos;
            while (true) {
                if (!me.inbox.isEmpty() || peer.closed) {
                    return true;
                }
                if (peer.state == REMOTE) {
                    direct = peer.connection;
                    break;
                }
                if (timeoutNanos < 0) {
                    changed.await();
                } else if (remaining <= 0) {
                    return false;
                } else {
                    remaining = changed.awaitNanos(remaining);
                }
            }
        } catch (InterruptedException e) {
            throw Timeouts.interrupted(e, "a pipe");
        } finally {
            lock.unlock();
        }
        if (timeoutNanos < 0) {
            return direct.poll(Timeouts.FOREVER);
        }
        long left = Math.max(0, timeoutNanos - (System.nanoTime() - start));
        return direct.poll(left / 1e9);
    }

    void close(int end) {
        End me = ends[end];
        End peer = ends[1 - end];
        lock.lock();
        try {
            if (me.state != LOCAL || me.closed) {
                return;
            }
            me.closed = true;
            if (peer.state == REMOTE) {
                peer.connection.close(); // the remote peer reads what is left, then EOF
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
