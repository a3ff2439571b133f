package dev.mp4j.launcher.timeline;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Sits under {@code System.out} or {@code System.err}: passes every byte on, a whole line per write,
 * and records each line as it is completed, on the lane of the thread that printed it (in a child, the
 * event goes out in the same write as the line). A flush passes
 * a partial line on (a prompt must show) and the line is recorded once its end comes.
 */
final class LineTap extends OutputStream {

    private final PrintStream downstream;
    private final Charset charset;
    private final String stream;
    private final Recorder recorder;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private int passedOn; // bytes of the current line already flushed downstream

    private LineTap(PrintStream downstream, String stream, Recorder recorder) {
        this.downstream = downstream;
        this.charset = downstream.charset();
        this.stream = stream;
        this.recorder = recorder;
    }

    static PrintStream around(PrintStream original, String stream, Recorder recorder) {
        return new PrintStream(new LineTap(original, stream, recorder), true, original.charset());
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            endLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, end - start);
    }

    @Override
    public synchronized void flush() {
        if (line.size() > passedOn) {
            byte[] pending = line.toByteArray();
            downstream.write(pending, passedOn, pending.length - passedOn);
            passedOn = pending.length;
        }
        downstream.flush();
    }

    private void endLine() {
        byte[] whole = line.toByteArray();
        int length = whole.length - 1;
        if (length > 0 && whole[length - 1] == '\r') {
            length--;
        }
        String events = recorder.line(new String(whole, 0, length, charset), stream);
        if (events != null) {
            line.writeBytes(events.getBytes(StandardCharsets.UTF_8)); // the line's event travels in the same write
            whole = line.toByteArray();
        }
        downstream.write(whole, passedOn, whole.length - passedOn);
        line.reset();
        passedOn = 0;
    }
}
