package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends a server-side wait whose caller was interrupted. The client, interrupted while its call waits (a
 * held lock, an empty queue), sends a {@link ManagerCodec#CANCEL} frame after its call on the same
 * connection and then waits for the call's reply as usual. Nothing else can arrive on a connection while
 * a call of it runs, so this watch, which looks at the connections of calls running longer than a
 * {@value #PERIOD_MILLIS} ms period, takes such a frame as the cancel it is and interrupts the serving
 * thread: the managed object's wait raises InterruptedException and the reply says so. A call that was
 * done before the cancel arrived replied normally (a free lock was taken), and its serving loop skips
 * the late frame. Either way the two sides agree on what happened.
 */
final class CancelWatch {

    private static final long PERIOD_MILLIS = 10;

    private final Set<Call> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    CancelWatch() {
        Thread.ofPlatform().daemon().name("mp4j-manager-cancel-watch").start(this::watch);
    }

    /** With the server: the watch thread ends. */
    void stop() {
        stopped = true;
    }

    /** The serving thread's call on {@code connection} begins. */
    Call begin(Connection connection) {
        Call call = new Call(connection, Thread.currentThread(), System.nanoTime());
        running.add(call);
        return call;
    }

    /** One call in progress, as the watch sees it. */
    final class Call implements AutoCloseable {

        private final Connection connection;
        private final Thread servingThread;
        private final long began;
        private boolean done;

        private Call(Connection connection, Thread servingThread, long began) {
            this.connection = connection;
            this.servingThread = servingThread;
            this.began = began;
        }

        /** In the serving thread, before its reply goes out: no interrupt reaches it after this. */
        @Override
        public synchronized void close() {
            done = true;
            running.remove(this);
            Thread.interrupted(); // a cancel that came as the call ended: the reply stands
        }

        private synchronized void cancelIfAsked() {
            if (done || !connection.poll(0)) {
                return;
            }
            byte[] frame = connection.recvBytes(); // only a cancel can come while the call runs
            if (frame.length == 1 && frame[0] == ManagerCodec.CANCEL) {
                servingThread.interrupt();
            } else {
                connection.close(); // a client that breaks the protocol loses its connection
            }
        }
    }

    private void watch() {
        while (!stopped) {
            LockSupport.parkNanos(PERIOD_MILLIS * 1_000_000);
            long now = System.nanoTime();
            for (Call call : running) {
                if (now - call.began >= PERIOD_MILLIS * 1_000_000) {
                    try {
                        call.cancelIfAsked();
                    } catch (RuntimeException connectionGone) {
                        // the serving thread sees it too and ends the connection
                    }
                }
            }
        }
    }
}
