package dev.mp4j.launcher.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A 96-bit fingerprint naming files in the {@link CacheDirectory} by what they hold (an AOT cache's
 * key, an argument file's content). Not cryptographic, and need not be: the directory is the user's
 * own (mode 0700), so names only must not collide by chance. A {@code MessageDigest} would load the
 * JDK's security providers, tens of milliseconds of a parent's first {@code start()}.
 */
final class NameHash {

    private long low = 0x9E3779B97F4A7C15L;
    private long high = 0xC2B2AE3D27D4EB4FL;

    NameHash add(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            low = (low ^ (b & 0xff)) * 0x100000001B3L;
            high = (high ^ (b & 0xff)) * 0xFF51AFD7ED558CCDL + 1;
        }
        return this;
    }

    /** Mixes in a number as a whole, for callers that add many (one step, not eight). */
    NameHash add(long value) {
        low = (low ^ value) * 0x100000001B3L;
        high = (high ^ Long.rotateLeft(value, 32)) * 0xFF51AFD7ED558CCDL + 1;
        return this;
    }

    /** 24 hex digits. */
    String hex() {
        long first = mixed(low ^ Long.rotateLeft(high, 29));
        long second = mixed(high ^ Long.rotateLeft(low, 17));
        return HexFormat.of().toHexDigits(first) + HexFormat.of().toHexDigits((int) (second >>> 32));
    }

    /** Spreads every input bit over the whole word. */
    private static long mixed(long value) {
        value ^= value >>> 33;
        value *= 0xFF51AFD7ED558CCDL;
        value ^= value >>> 33;
        value *= 0xC4CEB9FE1A85EC53L;
        return value ^ (value >>> 33);
    }
}
