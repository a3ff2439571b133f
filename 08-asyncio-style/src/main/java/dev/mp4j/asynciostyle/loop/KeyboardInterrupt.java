package dev.mp4j.asynciostyle.loop;

/**
 * Python's {@code KeyboardInterrupt}: what Ctrl+C raises in the main thread. Like Python's (a
 * BaseException, not an Exception) it is an Error here, so the article's {@code except Exception}
 * (A23, A24) does not catch it. {@link EventLoop#interrupt()}
 * raises it out of {@code runUntilComplete}/{@code runForever}, leaving the tasks pending exactly as
 * Python does; {@link dev.mp4j.asynciostyle.support.CtrlC} wires a real Ctrl+C to it. Its message is empty, so
 * {@code print(e)} prints an empty line as in the article.
 */
public final class KeyboardInterrupt extends Error {

    public KeyboardInterrupt() {
        super("");
    }

    @Override
    public String toString() {
        return "";
    }
}
