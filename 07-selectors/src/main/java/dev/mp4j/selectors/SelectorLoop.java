package dev.mp4j.selectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CountDownLatch;

/**
 * The plumbing around the article's {@code while True: events = sel.select(); for key, mask in events:
 * callback = key.data; callback(key.fileobj, mask)}: a {@link Selector} ({@code selectors.DefaultSelector()})
 * whose keys carry their callback as the attachment, the thread that runs the loop, and a
 * {@link #close()} that ends the loop and closes every registered channel.
 */
final class SelectorLoop {

    /** What a key's attachment is: the function to call when the key is ready (the article's {@code key.data}). */
    @FunctionalInterface
    interface Callback {
        void call(SelectionKey key) throws IOException;
    }

    /** Called when a callback throws; the loop goes on. */
    @FunctionalInterface
    interface FailureHandler {
        void failed(SelectionKey key, IOException e);
    }

    private final Selector sel;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private Thread loop;

    SelectorLoop() throws IOException {
        sel = Selector.open();
    }

    /** {@code sel.register(fileobj, events, callback)}. */
    SelectionKey register(SelectableChannel channel, int ops, Callback callback) throws IOException {
        return channel.register(sel, ops, callback);
    }

    /** Waits for {@code ops} on {@code key} from now on, and calls {@code callback} then. */
    static void expect(SelectionKey key, int ops, Callback callback) {
        key.interestOps(ops);
        key.attach(callback);
    }

    /** Runs the loop on a thread of its own until {@link #close()}. */
    synchronized void start(String threadName, FailureHandler onFailure) {
        if (loop != null || closing) {
            throw new IllegalStateException(closing ? "closed" : "already started");
        }
        loop = Thread.ofPlatform().name(threadName).start(() -> serveForever(onFailure));
    }

    private void serveForever(FailureHandler onFailure) {
        try {
            while (!closing) {
                sel.select(key -> {
                    try {
                        ((Callback) key.attachment()).call(key);
                    } catch (IOException e) {
                        onFailure.failed(key, e);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClosedSelectorException e) {
            // closed under us: nothing left to serve
        } finally {
            closeEverything();
            stopped.countDown();
        }
    }

    void awaitClose() throws InterruptedException {
        stopped.await();
    }

    /** Ends the loop, closes every registered channel and waits until the loop thread is done. */
    void close() {
        boolean started;
        synchronized (this) {
            closing = true;
            started = loop != null;
        }
        if (!started) {
            closeEverything();
            stopped.countDown();
            return;
        }
        try {
            sel.wakeup();
        } catch (ClosedSelectorException alreadyStopped) {
            return;
        }
        if (Thread.currentThread() != loop) {
            boolean interrupted = false;
            while (stopped.getCount() > 0) {
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeEverything() {
        try {
            if (sel.isOpen()) {
                for (SelectionKey key : sel.keys()) {
                    key.channel().close();
                }
                sel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
