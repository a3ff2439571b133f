package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.internal.ByteCursor;
import dev.mp4j.launcher.internal.Serialization;
import dev.mp4j.launcher.internal.ValueRun;

/**
 * One task's work as the parent queues it, encoded in the caller's thread (so what cannot cross to a
 * worker fails there): its kind, the definition it needs, sent to a worker only the first time that
 * worker needs it, and its own bytes.
 *
 * <ul>
 *   <li>{@link #LAMBDA}: a lambda task; the definition is its class's {@link LambdaShape}, the body its
 *       captured values ({@link ValueRun}).</li>
 *   <li>{@link #MAP}, {@link #STARMAP}: a chunk of a map; the definition is the function (the same for
 *       every chunk of one call), the body the chunk's items (for a starmap: the length of the first
 *       values, the first values, the second values).</li>
 *   <li>{@link #OBJECT}: any other task, as an object stream; no definition.</li>
 * </ul>
 */
final class PoolJob {

    static final byte OBJECT = 1;
    static final byte LAMBDA = 2;
    static final byte MAP = 3;
    static final byte STARMAP = 4;

    /**
     * A function's form in its definition: a lambda's shape (its id, length and bytes: a worker reads
     * one shape once, however many maps use it) and captured values, or an object stream.
     */
    static final byte FUNCTION_LAMBDA = 1;
    static final byte FUNCTION_OBJECT = 2;

    /** Bytes a worker keeps by id. */
    record Definition(long id, byte[] bytes) {
    }

    final byte kind;
    final Definition definition; // null for OBJECT
    final byte[] body;

    private PoolJob(byte kind, Definition definition, byte[] body) {
        this.kind = kind;
        this.definition = definition;
        this.body = body;
    }

    /** A task ({@link Pool.Call}, or an executor's Callable or Runnable); {@code what} names it in errors. */
    static PoolJob task(Object task, String what) {
        LambdaShape.Parts lambda = LambdaShape.takeApart(task);
        if (lambda == null) {
            return new PoolJob(OBJECT, null, Serialization.toBytes(task, what));
        }
        byte[] captured = ValueRun.encode(lambda.captured(), what);
        LambdaShape shape = lambda.shape();
        return new PoolJob(LAMBDA, new Definition(shape.id, shape.bytes()), captured);
    }

    /** A map's function, encoded once for all its chunks. */
    static Definition function(Object function, String what) {
        LambdaShape.Parts lambda = LambdaShape.takeApart(function);
        byte[] bytes;
        if (lambda == null) {
            byte[] stream = Serialization.toBytes(function, what);
            bytes = ByteCursor.writing(1 + stream.length).put(FUNCTION_OBJECT).put(stream).written();
        } else {
            byte[] shape = lambda.shape().bytes();
            byte[] captured = ValueRun.encode(lambda.captured(), what);
            bytes = ByteCursor.writing(1 + Long.BYTES + Integer.BYTES + shape.length + captured.length)
                    .put(FUNCTION_LAMBDA).putLong(lambda.shape().id).putInt(shape.length).put(shape).put(captured)
                    .written();
        }
        return new Definition(DefinitionCache.newId(), bytes);
    }

    static PoolJob map(Definition function, byte[] items) {
        return new PoolJob(MAP, function, items);
    }

    static PoolJob starmap(Definition function, byte[] firsts, byte[] seconds) {
        byte[] body = ByteCursor.writing(Integer.BYTES + firsts.length + seconds.length)
                .putInt(firsts.length).put(firsts).put(seconds).written();
        return new PoolJob(STARMAP, function, body);
    }

    /** Whether the result is a chunk's run of values rather than one value. */
    boolean isChunk() {
        return kind == MAP || kind == STARMAP;
    }

    /** About how many bytes it takes in a batch, counting its definition (for the send-ahead limit). */
    int size() {
        return 32 + body.length + (definition == null ? 0 : definition.bytes().length);
    }
}
