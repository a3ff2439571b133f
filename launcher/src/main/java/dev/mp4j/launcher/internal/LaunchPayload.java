package dev.mp4j.launcher.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a child JVM needs to become the process its parent created: what it runs (the target, or
 * the process object whose {@code run()} a subclass overrides, as {@link LambdaCodec} bytes), who it is,
 * the shared authkey and the parent's {@code mp4j.*} settings (the time scale among them). Sent on the
 * child's standard input, never on its command line, in a fixed layout of plain fields: an object stream
 * for these alone costs a fresh JVM more time than everything else it does before the target runs.
 */
public final class LaunchPayload {

    private final byte[] body;
    private final String name;
    private final int[] identity;
    private final boolean daemon;
    private final byte[] authkey;
    private final Map<String, String> settings;
    private final long parentPid;

    public LaunchPayload(byte[] body, String name, int[] identity, boolean daemon, byte[] authkey,
                         Map<String, String> settings, long parentPid) {
        this.body = body;
        this.name = name;
        this.identity = identity;
        this.daemon = daemon;
        this.authkey = authkey;
        this.settings = settings;
        this.parentPid = parentPid;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + body.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(name);
            out.writeInt(identity.length);
            for (int level : identity) {
                out.writeInt(level);
            }
            out.writeBoolean(daemon);
            Blocks.write(out, authkey);
            out.writeInt(settings.size());
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                out.writeUTF(setting.getKey());
                out.writeUTF(setting.getValue());
            }
            out.writeLong(parentPid);
            Blocks.write(out, body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static LaunchPayload fromBytes(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String name = in.readUTF();
        int[] identity = new int[in.readInt()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = in.readInt();
        }
        boolean daemon = in.readBoolean();
        byte[] authkey = Blocks.read(in);
        int count = in.readInt();
        Map<String, String> settings = HashMap.newHashMap(count);
        for (int i = 0; i < count; i++) {
            settings.put(in.readUTF(), in.readUTF());
        }
        long parentPid = in.readLong();
        return new LaunchPayload(Blocks.read(in), name, identity, daemon, authkey, settings, parentPid);
    }

    /** What the child runs, as {@link LambdaCodec} wrote it. */
    byte[] body() {
        return body;
    }

    String name() {
        return name;
    }

    int[] identity() {
        return identity;
    }

    boolean daemon() {
        return daemon;
    }

    byte[] authkey() {
        return authkey;
    }

    Map<String, String> settings() {
        return settings;
    }

    /** The parent's pid as the parent saw it: the child compares its own parent with it to notice its death. */
    long parentPid() {
        return parentPid;
    }
}
