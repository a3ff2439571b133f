package dev.mp4j.launcher;

/**
 * Python's queue protocol, whoever holds the items: {@link Queue} (and {@link JoinableQueue}), or a
 * {@code Manager}'s queue. {@code get} raises {@link Empty} and a bounded {@code put} raises
 * {@link Full}, at once or after the timeout (negative: 0); an interrupted wait raises
 * {@link java.util.concurrent.CancellationException}. {@code qsize}, {@code empty} and {@code full} are
 * approximate, as Python documents.
 */
public interface SharedQueue<T> {

    /** Puts {@code item}, waiting as long as it takes for room. */
    void put(T item);

    /** With {@code block} false, {@link Full} at once if there is no room; otherwise after the timeout. */
    void put(T item, boolean block, double timeoutSeconds);

    /** Python's {@code put_nowait}. */
    void putNowait(T item);

    /** Takes the oldest item, waiting as long as it takes for one. */
    T get();

    /** With {@code block} false, {@link Empty} at once if there is none; otherwise after the timeout. */
    T get(boolean block, double timeoutSeconds);

    /** Python's {@code get_nowait}. */
    T getNowait();

    int qsize();

    boolean empty();

    boolean full();
}
