package dev.mp4j.launcher;

import dev.mp4j.launcher.internal.Handle;
import dev.mp4j.launcher.internal.HandleCodec;
import java.io.DataInput;
import java.io.IOException;
import java.io.StreamCorruptedException;

/**
 * The kinds of this package's {@link Handle}s, one byte each, and the reader that rebuilds each from the
 * fields its {@code writeHandle} wrote (0 is {@link HandleCodec}'s "no handle"; a manager's proxies have
 * kinds from {@link HandleCodec#FIRST_PROXY_KIND} on, in their own package's table). Each type keeps its
 * own encoding beside its fields; this is only the table.
 */
final class HandleKinds implements HandleCodec.Readers {

    static final byte QUEUE = 1;
    static final byte JOINABLE_QUEUE = 2;
    static final byte SIMPLE_QUEUE = 3;
    static final byte LOCK = 4;
    static final byte RLOCK = 5;
    static final byte SEMAPHORE = 6;
    static final byte BOUNDED_SEMAPHORE = 7;
    static final byte EVENT = 8;
    static final byte CONDITION = 9;
    static final byte BARRIER = 10;
    static final byte VALUE = 11;
    static final byte ARRAY = 12;
    static final byte PIPE_CONNECTION = 13;
    static final byte PIPE = 14;
    static final byte ADDRESS = 15;

    static {
        HandleCodec.installLauncherKinds(new HandleKinds()); // no method reference: a young child has linked none yet
    }

    private HandleKinds() {
    }

    @Override
    public Object read(byte kind, DataInput in) throws IOException {
        return switch (kind) {
            case QUEUE -> Queue.readHandle(in, false);
            case JOINABLE_QUEUE -> Queue.readHandle(in, true);
            case SIMPLE_QUEUE -> SimpleQueue.readHandle(in);
            case LOCK -> Lock.readHandle(in);
            case RLOCK -> RLock.readHandle(in);
            case SEMAPHORE -> Semaphore.readHandle(in);
            case BOUNDED_SEMAPHORE -> BoundedSemaphore.readHandle(in);
            case EVENT -> Event.readHandle(in);
            case CONDITION -> Condition.readHandle(in);
            case BARRIER -> Barrier.readHandle(in);
            case VALUE -> Value.readHandle(in);
            case ARRAY -> Array.readHandle(in);
            case PIPE_CONNECTION -> PipeConnection.readHandle(in);
            case PIPE -> Pipe.readHandle(in);
            case ADDRESS -> Address.readHandle(in);
            default -> throw new StreamCorruptedException("no handle of kind " + kind);
        };
    }
}
