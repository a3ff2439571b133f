package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.ByteCursor;
import dev.mp4j.launcher.internal.Serialization;
import dev.mp4j.launcher.internal.ValueRun;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A worker's side of {@link PoolJob}: reads each task's job out of a batch, keeps the definitions sent
 * with them, and turns a job into the object to run (a {@link Pool.Call} lambda rebuilt from its shape
 * and captured values, a {@link PoolChunk}, or whatever an object stream held).
 */
final class JobReader {

    /** A job as read: nothing in it has been decoded yet, so reading never fails on what a task holds. */
    static final class Received {
        final byte kind;
        final Known definition;
        final byte[] body;

        Received(byte kind, Known definition, byte[] body) {
            this.kind = kind;
            this.definition = definition;
            this.body = body;
        }
    }

    /** A definition as kept: its bytes, decoded on first use (a failure is kept too, for every task that needs it). */
    final class Known {
        private final byte kind;
        private final long id;
        private final byte[] bytes;
        private Object decoded;
        private Exception failure;

        Known(byte kind, long id, byte[] bytes) {
            this.kind = kind;
            this.id = id;
            this.bytes = bytes;
        }

        Object decoded() throws Exception {
            if (failure != null) {
                throw failure;
            }
            if (decoded == null) {
                try {
                    decoded = kind == PoolJob.LAMBDA ? shape(id, bytes, 0) : function(bytes);
                } catch (Exception e) {
                    failure = e;
                    throw e;
                }
            }
            return decoded;
        }
    }

    private final DefinitionCache<Known> definitions = new DefinitionCache<>();
    /** Every shape read, by id: one per lambda class the parent sent, each resolved once. */
    private final Map<Long, LambdaShape> shapes = new HashMap<>();

    /** Reads one job at {@code in}'s position, as {@code PoolSlot} wrote it. */
    Received read(ByteCursor in) {
        byte kind = in.get();
        Known definition = null;
        if (kind != PoolJob.OBJECT) {
            long id = in.getLong();
            int length = in.getInt();
            if (length >= 0) {
                definitions.put(id, new Known(kind, id, in.take(length)));
            }
            definition = definitions.get(id);
            if (definition == null) {
                throw new IllegalStateException("the pool sent no definition " + id + " to this worker");
            }
        }
        byte[] body = in.take(in.getInt());
        return new Received(kind, definition, body);
    }

    /** The object to run for {@code job}. */
    @SuppressWarnings("unchecked")
    static Object toRun(Received job) throws Exception {
        return switch (job.kind) {
            case PoolJob.OBJECT -> Serialization.fromBytes(job.body);
            case PoolJob.LAMBDA -> ((LambdaShape) job.definition.decoded())
                    .rebuild(ValueRun.decode(job.body, 0, job.body.length));
            case PoolJob.MAP -> PoolChunk.map((Pool.Task<Object, Object>) job.definition.decoded(),
                    ValueRun.decode(job.body, 0, job.body.length));
            case PoolJob.STARMAP -> {
                int firstsLength = ByteCursor.getInt(job.body, 0);
                yield PoolChunk.starmap((Pool.StarTask<Object, Object, Object>) job.definition.decoded(),
                        ValueRun.decode(job.body, Integer.BYTES, firstsLength),
                        ValueRun.decode(job.body, Integer.BYTES + firstsLength,
                                job.body.length - Integer.BYTES - firstsLength));
            }
            default -> throw new IllegalStateException("not a pool job: kind " + job.kind);
        };
    }

    /** A map's function, as {@link PoolJob#function} encoded it. */
    private Object function(byte[] bytes) throws Exception {
        if (bytes[0] == PoolJob.FUNCTION_OBJECT) {
            return Serialization.fromBytes(java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
        }
        ByteCursor in = new ByteCursor(bytes, 1);
        long shapeId = in.getLong();
        int shapeLength = in.getInt();
        int shapeAt = in.position();
        int capturedAt = shapeAt + shapeLength;
        return shape(shapeId, bytes, shapeAt).rebuild(ValueRun.decode(bytes, capturedAt, bytes.length - capturedAt));
    }

    /** The shape with {@code id}, read from {@code bytes} at {@code offset} the first time. */
    private LambdaShape shape(long id, byte[] bytes, int offset) throws java.io.IOException {
        LambdaShape known = shapes.get(id);
        if (known == null) {
            known = LambdaShape.read(stream(bytes, offset));
            shapes.put(id, known);
        }
        return known;
    }

    private static DataInputStream stream(byte[] bytes, int offset) {
        return new DataInputStream(new ByteArrayInputStream(bytes, offset, bytes.length - offset));
    }
}
