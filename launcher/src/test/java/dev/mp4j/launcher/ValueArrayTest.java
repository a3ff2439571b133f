package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What only {@link Value} and {@link Array} in shared memory do (locks, raw forms, Python's indexing); the typecodes are {@link ValueContract}. */
class ValueArrayTest {


    @Test
    void aValueHasAnRLockUnlessRawOrGivenOne() {
        Value value = new Value('i', 0);
        assertThat(value.getLock()).isInstanceOf(RLock.class);
        Lock shared = new Lock();
        assertThat(new Value('i', 0, shared).getLock()).isSameAs(shared);
        assertThatThrownBy(() -> Value.raw('i', 0).getLock()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Value('i', 0, false).getLock()).isInstanceOf(UnsupportedOperationException.class);
        // reads and writes re-enter the value's own RLock when the caller holds it
        try (Held held = value.getLock().acquired()) {
            value.setInt(value.getInt() + 1);
        }
        assertThat(value.getInt()).isEqualTo(1);
    }

    @Test
    void arraysIndexLikePython() {
        Array array = new Array('i', IntStream.range(0, 10).toArray());
        assertThat(array.length()).isEqualTo(10);
        assertThat(array.get(-1)).isEqualTo(9);
        array.set(0, 5);
        assertThat(array.toList()).hasToString("[5, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
        assertThatThrownBy(() -> array.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(new Array('d', 3).toList()).containsExactly(0.0, 0.0, 0.0);
        assertThat(Array.raw('l', List.of(1, 2)).toList()).containsExactly(1L, 2L);
        assertThatThrownBy(() -> Array.raw('i', 2).getLock()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChildsWritesAreSeenByTheParent() throws Exception {
        Value number = new Value('d', 0.0);
        Array array = new Array('i', IntStream.range(0, 10).toArray());
        Value raw = Value.raw('l', 0);
        Array rawArray = Array.raw('c', 3);
        Processes.joinOk(Processes.start(() -> {
            number.set(3.14);
            array.set(0, 5);
            raw.setLong(42);
            rawArray.set(1, (byte) 'b');
        }));
        assertThat(number.get()).isEqualTo(3.14);
        assertThat(array.toList()).containsExactly(5, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(raw.getLong()).isEqualTo(42);
        assertThat(rawArray.toList()).containsExactly((byte) 0, (byte) 'b', (byte) 0);
    }
}
