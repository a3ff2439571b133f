package dev.mp4j.launcher.timeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread that writes events as they come: a recording thread only appends to a list; the writer
 * takes what has gathered and writes it at once, so under load many events share one write and when
 * quiet each leaves within microseconds (a child killed a moment later has already sent it).
 */
final class EventWriter {

    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final EventSink sink;
    private final Thread thread;
    private List<String> pending = new ArrayList<>();
    private boolean idle;
    private boolean closed;

    EventWriter(EventSink sink) {
        this.sink = sink;
        this.thread = Thread.ofPlatform().daemon().name("mp4j-timeline-writer").start(new Drain());
    }

    void add(String event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending.add(event);
            if (idle) {
                notify();
            }
        }
    }

    /** Writes what is pending, then closes the sink; later events are dropped. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notify();
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sink.close();
    }

    private void writeAsTheyCome() {
        while (true) {
            List<String> batch;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    idle = true;
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                    idle = false;
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
            }
            try {
                sink.write(batch);
            } catch (IOException e) {
                System.err.println("mp4j: timeline events lost: " + e.getMessage());
            }
        }
    }

    /** The writer thread's work; a class, not a method reference, which would spin a class at a child's start. */
    final class Drain implements Runnable {

        @Override
        public void run() {
            writeAsTheyCome();
        }
    }
}
