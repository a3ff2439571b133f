package dev.mp4j.launcher;

/** Python's {@code bytes} methods the socket examples use. */
public final class Bytes {

    private Bytes() {
    }

    /**
     * {@code bytes.upper()}: ASCII letters only. Unlike {@code String.toUpperCase()} it needs no locale,
     * leaves other scripts alone, and is safe on a chunk that splits a UTF-8 character.
     */
    public static byte[] upper(byte[] msg) {
        byte[] upper = msg.clone();
        for (int i = 0; i < upper.length; i++) {
            if (upper[i] >= 'a' && upper[i] <= 'z') {
                upper[i] -= 'a' - 'A';
            }
        }
        return upper;
    }
}
