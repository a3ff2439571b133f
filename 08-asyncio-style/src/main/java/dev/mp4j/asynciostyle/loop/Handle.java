package dev.mp4j.asynciostyle.loop;

/** A scheduled callback ({@code call_soon}, {@code call_later}); cancelling it before it runs skips it. */
public final class Handle implements Comparable<Handle>, Runnable {

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    final Runnable callback;
    final long when;
    private final long order;
    private volatile boolean cancelled;

    Handle(Runnable callback, long when) {
        this.callback = callback;
        this.when = when;
        this.order = SEQUENCE.getAndIncrement();
    }

    /** Runs the callback unless the handle was cancelled. */
    @Override
    public void run() {
        if (!cancelled) {
            callback.run();
        }
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public int compareTo(Handle other) {
        int byTime = Long.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }

    @Override
    public String toString() {
        return "<Handle " + callback + (cancelled ? " cancelled" : "") + ">";
    }
}
