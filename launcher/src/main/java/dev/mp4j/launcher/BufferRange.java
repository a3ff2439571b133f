package dev.mp4j.launcher;

/** The part of a buffer that {@link Connection#sendBytes(byte[], int, int)} sends, checked as CPython checks it. */
final class BufferRange {

    private BufferRange() {
    }

    /** CPython's checks in {@code send_bytes}, with its messages. */
    static void check(byte[] buffer, int offset, int size) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative");
        }
        if (buffer.length < offset) {
            throw new IllegalArgumentException("buffer length < offset");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size is negative");
        }
        if (buffer.length < (long) offset + size) {
            throw new IllegalArgumentException("buffer length < offset + size");
        }
    }
}
