package dev.mp4j.launcher.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Byte blocks inside the launcher's fixed layouts: a 4-byte length, then the bytes. */
final class Blocks {

    private Blocks() {
    }

    static void write(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    static byte[] read(DataInputStream in) throws IOException {
        byte[] block = new byte[in.readInt()];
        in.readFully(block);
        return block;
    }
}
