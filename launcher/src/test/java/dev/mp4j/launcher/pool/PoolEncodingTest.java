package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.SerializationException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What crosses to a pool's worker and back without an object stream (a lambda's shape and captured
 * values, a map's function and packed items, tagged results) arrives as an object stream would deliver
 * it, and the definitions a worker keeps stay in step with the parent's idea of them. One worker, so
 * every task meets the same cache.
 */
@Timeout(60)
class PoolEncodingTest {

    private static Pool pool;

    @BeforeAll
    static void startPool() {
        pool = new Pool(1);
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        pool.terminate();
        pool.join();
    }

    record Point(int x, int y) implements Serializable {
    }

    /** A task that is a class of its own, not a lambda: it goes as an object stream. */
    static final class Doubler implements Pool.Call<Integer> {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int value;

        Doubler(int value) {
            this.value = value;
        }

        @Override
        public Integer call() {
            return value * 2;
        }
    }

    static int sqr(int x) {
        return x * x;
    }

    /** Every task it makes is an instance of one lambda class: one shape. */
    static Pool.Call<Integer> squareOf(int n) {
        return () -> sqr(n);
    }

    @Test
    void aShapeTheWorkerHasDroppedIsSentAgain() {
        assertThat(pool.apply(squareOf(3))).isEqualTo(9);
        for (int i = 0; i < DefinitionCache.CAPACITY + 6; i++) { // each map's function is a new definition
            int offset = i;
            assertThat(pool.map(x -> x + offset, List.of(1, 2), 2)).containsExactly(1 + offset, 2 + offset);
        }
        assertThat(pool.apply(squareOf(4))).isEqualTo(16); // the first shape again, long since dropped
    }

    @Test
    void capturedValuesKeepTheirIdentityAndTypes() {
        List<Integer> list = new ArrayList<>(List.of(1, 2));
        List<Integer> sameList = list;
        long big = Long.MAX_VALUE;
        byte[] raw = {1, 2, 3};
        Point point = new Point(1, 2);
        assertThat(pool.apply(() -> list == sameList && list.equals(List.of(1, 2)))).isTrue();
        assertThat(pool.apply(() -> big + "/" + raw.length + "/" + point)).isEqualTo(Long.MAX_VALUE + "/3/" + point);
    }

    @Test
    void resultsOfEveryKindComeBackEqual() {
        assertThat(pool.<Object>apply(() -> null)).isNull();
        assertThat(pool.apply(() -> "text")).isEqualTo("text");
        assertThat(pool.apply(() -> 7L)).isEqualTo(7L);
        assertThat(pool.apply(() -> 2.5)).isEqualTo(2.5);
        assertThat(pool.apply(() -> true)).isTrue();
        assertThat(pool.apply(() -> new byte[] {4, 5})).containsExactly(4, 5);
        assertThat(pool.apply(() -> new Point(3, 4))).isEqualTo(new Point(3, 4));
        assertThat(pool.apply(() -> List.of(1, "two"))).isEqualTo(List.of(1, "two"));
    }

    @Test
    void mapItemsAndResultsOfEveryFormComeBack() {
        List<String> words = List.of("a", "bb", "ccc");
        assertThat(pool.map(String::length, words)).containsExactly(1, 2, 3);
        assertThat(pool.map(x -> x * 2, List.of(1L, 2L))).containsExactly(2L, 4L);
        assertThat(pool.map(x -> x / 2, List.of(1.0, 3.0))).containsExactly(0.5, 1.5);
        List<Object> mixed = Arrays.asList(1, null, "three", 4L);
        assertThat(pool.map(x -> x, mixed)).isEqualTo(mixed);
        List<Point> points = List.of(new Point(1, 2), new Point(3, 4));
        assertThat(pool.map(p -> new Point(p.y(), p.x()), points)).containsExactly(new Point(2, 1), new Point(4, 3));
        assertThat(pool.starmap((String s, Integer k) -> s.repeat(k), List.of(Map.entry("ab", 2), Map.entry("c", 3))))
                .containsExactly("abab", "ccc");
        String suffix = "!";
        List<String> suffixed = new ArrayList<>();
        pool.<String, String>imap(s -> s + suffix, words, 1).forEachRemaining(suffixed::add);
        assertThat(suffixed).containsExactly("a!", "bb!", "ccc!");
    }

    @Test
    void aTaskThatIsNoLambdaStillRuns() {
        assertThat(pool.apply(new Doubler(21))).isEqualTo(42);
    }

    @Test
    void anUnserializableResultFailsItsTaskWithTheClassNamed() {
        assertThatThrownBy(() -> pool.apply(Object::new)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("the result of task").hasMessageContaining("java.lang.Object is not serializable");
        assertThat(pool.apply(() -> sqr(5))).isEqualTo(25);
    }

    @Test
    void anUnserializableMapFunctionOrItemFailsTheCallAndNoCallbackRuns() {
        Object notSerializable = new Object();
        assertThatThrownBy(() -> pool.map(x -> x + notSerializable.hashCode(), List.of(1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("the function given to map")
                .hasMessageContaining("java.lang.Object");

        List<String> callbacks = new CopyOnWriteArrayList<>();
        List<Object> items = new ArrayList<>(IntStream.range(0, 2000).boxed().toList());
        items.add(notSerializable); // by the time it is reached, a worker has taken the first chunk
        assertThatThrownBy(() -> pool.mapAsync(x -> {
            if (x.equals(0)) {
                throw new IllegalStateException("the first chunk fails");
            }
            return x;
        }, items, 1, values -> callbacks.add("done"), error -> callbacks.add("error " + error)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("a chunk of map")
                .hasMessageContaining("java.lang.Object");
        // Callbacks run one at a time in order: once this one has run, any the failed map caused would have too.
        pool.applyAsync(() -> 1, value -> callbacks.add("after")).get();
        assertThat(callbacks).containsExactly("after");
    }
}
