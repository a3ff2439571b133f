package dev.mp4j.asynciostyle.loop;

/**
 * Python's {@code KeyboardInterrupt}: what Ctrl+C raises in the main thread. {@link EventLoop#interrupt()}
 * raises it out of {@code runUntilComplete}/{@code runForever}, leaving the tasks pending exactly as
 * Python does; {@link CtrlC} wires a real Ctrl+C to it. Its message is empty, so
 * {@code print(e)} prints an empty line as in the article.
 */
public final class KeyboardInterrupt extends RuntimeException {

    public KeyboardInterrupt() {
        super("");
    }

    @Override
    public String toString() {
        return "";
    }
}
