package dev.mp4j.locks;

import dev.mp4j.launcher.Barrier;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BrokenBarrierException;

/**
 * The terminal that Python's children share, for child JVMs. A child JVM's {@code System.out} reaches
 * the parent through a pipe of its own, copied a whole line at a time, so lines of different children
 * can never mix there. Python's children all write to one file descriptor instead, and {@code print}
 * writes its pieces (each argument, the separator, the end) one by one. This screen is such a shared
 * descriptor: a file every process appends to, one write per piece, copied to {@code System.out} by
 * {@link #close()}.
 *
 * <p>It also plays the scheduler at its worst, so that what can happen does happen on every run: each
 * process first {@linkplain #arrive() arrives} (JVMs boot at different speeds; nobody writes before all
 * are up), and after each piece a writer waits until all the others have written one too. Writers that
 * hold a lock wait in vain; they give up after {@link #PATIENCE_SECONDS}, and from then on nobody waits.
 */
final class Screen implements Serializable, AutoCloseable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final double PATIENCE_SECONDS = 1.0;
    /** How long the first process up waits for the last one to boot. */
    private static final double BOOT_PATIENCE_SECONDS = 120;

    private final String file;
    private final Barrier everyoneUp;
    private final Barrier everyoneWrote;

    private Screen(String file, int processes) {
        this.file = file;
        this.everyoneUp = new Barrier(processes, null, BOOT_PATIENCE_SECONDS);
        this.everyoneWrote = new Barrier(processes, null, PATIENCE_SECONDS);
    }

    /** A new, empty screen for {@code processes} writers. */
    static Screen sharedBy(int processes) throws IOException {
        Path file = Files.createTempFile("mp4j-screen-", ".txt");
        return new Screen(file.toString(), processes);
    }

    /** Called by each process before anything else: returns once every process is up. */
    void arrive() {
        try {
            everyoneUp.await();
        } catch (BrokenBarrierException oneNeverCame) {
            // a process died before it came up: the others write anyway
        }
    }

    /** Python's {@code print(*args)} on an unbuffered stream: each piece is a write of its own. */
    void print(Object... args) {
        for (int n = 0; n < args.length; n++) {
            write(String.valueOf(args[n]));
            write(n + 1 < args.length ? " " : "\n");
        }
    }

    private void write(String piece) {
        try (FileOutputStream out = new FileOutputStream(file, true)) {
            out.write(piece.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            everyoneWrote.await();
        } catch (BrokenBarrierException nobodyElseCanWrite) {
            // a writer held a lock, or all others are done: no more waiting
        }
    }

    /** Shows what the processes wrote, then removes the file. */
    @Override
    public void close() throws IOException {
        Path path = Path.of(file);
        try {
            System.out.print(Files.readString(path, StandardCharsets.UTF_8));
            System.out.flush();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
