package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.internal.HandleCodec;
import java.io.DataInput;
import java.io.IOException;
import java.io.StreamCorruptedException;

/**
 * The kinds of a manager's proxies as {@link dev.mp4j.launcher.internal.Handle}s, from
 * {@link HandleCodec#FIRST_PROXY_KIND} on, and the reader that rebuilds each from its
 * {@link ProxyRef} and the one field of its own some have. Each proxy writes itself; this is the table.
 */
final class ProxyKinds implements HandleCodec.Readers {

    static final byte LIST = HandleCodec.FIRST_PROXY_KIND;
    static final byte DICT = LIST + 1;
    static final byte QUEUE = LIST + 2;
    static final byte LOCK = LIST + 3;
    static final byte SEMAPHORE = LIST + 4;
    static final byte EVENT = LIST + 5;
    static final byte CONDITION = LIST + 6;
    static final byte BARRIER = LIST + 7;
    static final byte VALUE = LIST + 8;
    static final byte ARRAY = LIST + 9;
    static final byte NAMESPACE = LIST + 10;
    static final byte OBJECT = LIST + 11;

    static {
        HandleCodec.installProxyKinds(new ProxyKinds()); // no method reference: a young child has linked none yet
    }

    private ProxyKinds() {
    }

    @Override
    public Object read(byte kind, DataInput in) throws IOException {
        return switch (kind) {
            case LIST -> ListProxy.readHandle(in);
            case DICT -> DictProxy.readHandle(in);
            case QUEUE -> QueueProxy.readHandle(in);
            case LOCK -> LockProxy.readHandle(in);
            case SEMAPHORE -> SemaphoreProxy.readHandle(in);
            case EVENT -> EventProxy.readHandle(in);
            case CONDITION -> ConditionProxy.readHandle(in);
            case BARRIER -> BarrierProxy.readHandle(in);
            case VALUE -> ValueProxy.readHandle(in);
            case ARRAY -> ArrayProxy.readHandle(in);
            case NAMESPACE -> NamespaceProxy.readHandle(in);
            case OBJECT -> ObjectProxy.readHandle(in);
            default -> throw new StreamCorruptedException("no manager proxy of kind " + kind);
        };
    }
}
