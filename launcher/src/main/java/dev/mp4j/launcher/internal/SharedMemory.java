package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.Array;
import dev.mp4j.launcher.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python's {@code multiprocessing.heap}: the shared memory behind locks, {@link Value} and {@link Array}.
 *
 * <p>Blocks are carved from files mapped into every process that uses them (FFM: a {@link FileChannel}
 * mapped into a global {@link Arena}). The files live in a private directory (0700) under
 * {@code /dev/shm} when it exists (memory, never disk) or else {@code java.io.tmpdir}; the creating
 * process deletes the directory when it exits, and sweeps directories left by creators that were
 * killed. A file that is deleted stays mapped in the processes that already use it.
 *
 * <p>Allocation is a bump pointer over {@value #CHUNK_BYTES}-byte chunks, each block aligned to a cache
 * line so that two locks never share one; blocks are not freed before the process exits (like
 * CPython's arenas, which it rarely returns).
 */
public final class SharedMemory {

    static final String DIR_PROPERTY = "mp4j.sharedMemoryDir";
    static final long CHUNK_BYTES = 1 << 20;
    static final long ALIGN = 64;
    private static final String DIR_PREFIX = "mp4j-shm-";

    private static final Map<String, MemorySegment> mapped = new ConcurrentHashMap<>();
    private static final Object allocLock = new Object();
    private static Path directory;
    private static Path chunk;
    private static long chunkUsed = CHUNK_BYTES;
    private static int fileCounter;

    private SharedMemory() {
    }

    /** A new zeroed block of {@code bytes}, shared with every process that receives its handle. */
    public static SharedBlock allocate(long bytes) {
        long size = Math.max(ALIGN, (bytes + ALIGN - 1) / ALIGN * ALIGN);
        synchronized (allocLock) {
            try {
                if (size > CHUNK_BYTES / 4) {
                    Path own = newFile(size);
                    return new SharedBlock(own.toString(), 0, size);
                }
                if (chunkUsed + size > CHUNK_BYTES) {
                    chunk = newFile(CHUNK_BYTES);
                    chunkUsed = 0;
                }
                SharedBlock block = new SharedBlock(chunk.toString(), chunkUsed, size);
                chunkUsed += size;
                return block;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot allocate shared memory", e);
            }
        }
    }

    /** The whole mapping of {@code file}, mapped once per process. */
    static MemorySegment segment(String file) {
        MemorySegment segment = mapped.get(file);
        return segment != null ? segment : mapped.computeIfAbsent(file, SharedMemory::map);
    }

    private static MemorySegment map(String file) {
        Path path = Path.of(file);
        if (!path.getFileName().toString().startsWith("block-") || !path.getParent().getFileName().toString().startsWith(DIR_PREFIX)) {
            throw new IllegalArgumentException("not an mp4j shared-memory file: " + file);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size(), Arena.global());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("the shared memory " + file + " is gone: the process that created it has exited", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map shared memory " + file, e);
        }
    }

    private static Path newFile(long size) throws IOException {
        Path dir = directory();
        Path file = dir.resolve("block-" + (++fileCounter));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // a sparse file: pages are only backed once touched
            channel.truncate(size);
            channel.position(size - 1);
            channel.write(java.nio.ByteBuffer.wrap(new byte[1]));
            mapped.put(file.toString(), channel.map(FileChannel.MapMode.READ_WRITE, 0, size, Arena.global()));
        }
        return file;
    }

    private static Path directory() throws IOException {
        if (directory == null) {
            Path base = baseDirectory();
            directory = PrivateDirectory.create(base, DIR_PREFIX, "mp4j-shm-cleanup");
        }
        return directory;
    }

    private static Path baseDirectory() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The directory this process allocates in, or null before its first allocation (for tests). */
    static Path directoryOrNull() {
        synchronized (allocLock) {
            return directory;
        }
    }
}
