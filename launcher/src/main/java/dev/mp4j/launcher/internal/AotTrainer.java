package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Event;
import dev.mp4j.launcher.Lock;
import dev.mp4j.launcher.Pipe;
import dev.mp4j.launcher.Target;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Value;
import dev.mp4j.launcher.pool.AsyncResult;
import dev.mp4j.launcher.pool.Pool;
import dev.mp4j.launcher.timeline.Timeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The training run behind {@link AotCache}, in a JVM of its own started by the first parent that finds no
 * cache (not for users). It trains the two caches one after the other, each in one child started with
 * {@code -XX:AOTCacheOutput}. The plain cache's child does what a {@link ChildKind#PLAIN} child does: boot,
 * read its payload, decode lambda targets of a few shapes, take a lock, update a shared value, take an
 * item from a queue and put one. The full cache's child does what any child may: it boots and reads a
 * payload (a pool worker's lambda target), runs a few thousand small tasks and a map (method profiles
 * for the worker loop, JEP 515), deserializes a lambda target and a subclass target as {@link ChildMain}
 * does, loads the classes of a child recording a timeline, and connects to a queue, a pipe and a lock
 * owned here. When a child exits, HotSpot writes its cache; it is renamed into place only if every step
 * gave the expected answer. Holds the full cache's lock file throughout, so no two trainers of one key
 * run at once.
 */
public final class AotTrainer {

    private static final long GIVE_UP_MILLIS = 180_000;
    private static final int TASKS = 5_000;
    private static final int ITEMS = 100_000;

    private AotTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Thread.ofPlatform().daemon().name("mp4j-aot-give-up").start(AotTrainer::haltWhenTooLong);
        Path cache = Path.of(args[0]);
        Path plain = AotCache.plainOf(cache);
        boolean trained = false;
        try (FileChannel channel = FileChannel.open(AotCache.lockFile(cache), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.tryLock()) { // one trainer at a time: the lock
            if (held == null || Files.exists(cache) && Files.exists(plain)) {
                return;
            }
            deleteStaleOutputs(plain);
            deleteStaleOutputs(cache);
            String extra = System.getProperty(Spawner.JVM_OPTIONS_PROPERTY, "");
            // the plain cache first: it serves most children, and its training is the shorter
            trained = trained(plain, extra, AotTrainer::trainPlainChild) && trained(cache, extra, AotTrainer::trainOneChild);
            if (!trained) {
                Files.writeString(AotCache.failureMarker(cache), "training did not complete" + System.lineSeparator());
            }
        }
        System.exit(trained ? 0 : 1);
    }

    /** One child's training run. */
    private interface Training {
        boolean succeeded() throws Exception;
    }

    /** Runs {@code training} in a child that writes {@code cache}, renamed into place only if every step answered. */
    private static boolean trained(Path cache, String extraFlags, Training training) throws IOException {
        if (Files.exists(cache)) {
            return true;
        }
        Path written = cache.resolveSibling(cache.getFileName() + ".training.tmp");
        try {
            System.setProperty(Spawner.JVM_OPTIONS_PROPERTY,
                    extraFlags + " -XX:AOTCacheOutput=" + written + " -Xlog:aot=off -Xlog:cds=off");
            boolean answered;
            try {
                answered = training.succeeded();
            } catch (Exception | Error failure) {
                answered = false;
            }
            if (!answered || !Files.isRegularFile(written) || Files.size(written) == 0) {
                return false;
            }
            Files.move(written, cache, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * A {@link ChildKind#PLAIN} child: a lambda target capturing a queue, a lock, a shared value, an event
     * and plain values, which decodes targets of other shapes as {@link ChildMain} does, takes the lock,
     * updates the value, takes an item put here and answers with another.
     */
    private static boolean trainPlainChild() throws Exception {
        Queue<String> toChild = new Queue<>();
        Queue<String> fromChild = new Queue<>();
        Lock lock = new Lock();
        Value counter = new Value('i', 0);
        Event done = new Event();
        int number = 3;
        byte[] shapes = framed(payloadOf(AotTrainer::touch), payloadOf(() -> touch("plain")),
                payloadOf(() -> touch(number)), payloadOf(() -> touch(toChild, "plain", number)));
        ChildProcess child = new ChildProcess(() -> plainChild(toChild, fromChild, lock, counter, done, shapes));
        child.start();
        toChild.put("plain");
        boolean answered = "plain answered".equals(fromChild.get(true, 60)) && done.await(60);
        child.join(60);
        return answered && Integer.valueOf(0).equals(child.exitcode()) && counter.getInt() == 1;
    }

    private static void plainChild(Queue<String> in, Queue<String> out, Lock lock, Value counter, Event done,
                                   byte[] shapes) throws Exception {
        try (DataInputStream payloads = new DataInputStream(new ByteArrayInputStream(shapes))) {
            for (int left = payloads.readInt(); left > 0; left--) {
                runPayload(Blocks.read(payloads));
            }
        }
        lock.acquire();
        try {
            counter.setInt(counter.getInt() + 1);
        } finally {
            lock.release();
        }
        out.put(in.get() + " answered");
        done.set();
    }

    private static byte[] framed(byte[]... blocks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(blocks.length);
            for (byte[] block : blocks) {
                Blocks.write(out, block);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean trainOneChild() throws Exception {
        Queue<String> queue = new Queue<>();
        Pipe pipe = Pipe.create();
        Lock lock = new Lock();
        Connection childEnd = pipe.conn2();
        String word = "lambda";
        byte[] lambdaPayload = payloadOf(() -> queue.put(word));
        byte[] subclassPayload = payloadOf(new Subclass(queue)::run);
        // Targets of other shapes: calling each by reflection links method handles of that shape, which
        // the cache then holds instead of a child spinning them.
        int number = 3;
        List<byte[]> otherShapes = List.of(payloadOf(AotTrainer::touch), payloadOf(() -> touch(word)),
                payloadOf(() -> touch(number)), payloadOf(() -> touch(queue, word, number)));
        List<Integer> items = IntStream.range(0, ITEMS).boxed().toList();
        Pool pool = new Pool(1);
        try {
            List<AsyncResult<Integer>> results = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                int n = i;
                results.add(pool.applyAsync(() -> n));
            }
            for (int i = 0; i < TASKS; i++) {
                if (results.get(i).get() != i) {
                    return false;
                }
            }
            if (pool.map(AotTrainer::square, items).get(ITEMS - 1) != square(ITEMS - 1)) {
                return false;
            }
            pipe.conn1().send("pipe");
            pool.apply(() -> {
                Timeline.classesOfARecordingChild(); // loaded, so in the cache: a child recording a timeline starts as fast
                runPayload(lambdaPayload);
                runPayload(subclassPayload);
                for (byte[] shape : otherShapes) {
                    runPayload(shape);
                }
                lock.acquire();
                try {
                    childEnd.send(childEnd.recv());
                } finally {
                    lock.release();
                }
                return true;
            });
            boolean answered = "pipe".equals(pipe.conn1().recv());
            List<String> got = List.of(queue.get(true, 60), queue.get(true, 60));
            pool.close();
            pool.join();
            return answered && got.contains("lambda") && got.contains("subclass");
        } finally {
            pool.terminate();
        }
    }

    /** A payload as {@link ChildProcess#start()} makes it: a target, or a subclass's {@code run()}. */
    private static byte[] payloadOf(Target body) {
        return new LaunchPayload(LambdaCodec.encode(body, "a training target"), "Process-1", new int[] {1}, false,
                new byte[32], Map.of(), ProcessHandle.current().pid()).toBytes();
    }

    /** What {@link ChildMain} does with a payload, minus becoming the process. */
    private static void runPayload(byte[] bytes) throws Exception {
        ChildMain.run(LambdaCodec.decode(LaunchPayload.fromBytes(bytes).body()));
    }

    private static void touch(Object... values) {
        // a target's body: only its shape matters
    }

    private static void touch(int value) {
        // a target capturing a primitive
    }

    static int square(int x) {
        return x * x;
    }

    private static void deleteStaleOutputs(Path cache) throws IOException {
        String prefix = cache.getFileName() + ".";
        try (Stream<Path> entries = Files.list(cache.getParent())) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix) && (name.endsWith(".tmp") || name.endsWith(".config"))) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    private static void haltWhenTooLong() {
        try {
            Thread.sleep(GIVE_UP_MILLIS);
        } catch (InterruptedException ignored) {
            // halting anyway
        }
        Runtime.getRuntime().halt(1);
    }

    /** A subclass target, as {@code class P extends ChildProcess} in a user's program. */
    private static final class Subclass extends ChildProcess {

        @Serial
        private static final long serialVersionUID = 1L;
        private final Queue<String> queue;

        Subclass(Queue<String> queue) {
            this.queue = queue;
        }

        @Override
        public void run() {
            queue.put("subclass");
        }
    }
}
