package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of a shared value and array, after CPython's _TestValue/_TestArray: one typecode table,
 * so a value reads back as the same boxed type, truncated the same way, and is refused the same way,
 * whether it lives in shared memory ({@link Value}, {@link Array}) or in a manager.
 */
abstract class ValueContract {

    /** A shared value of either kind, seen through one pair of methods. */
    interface Cell extends Serializable {
        Object get();

        void set(Object value);
    }

    abstract Cell newValue(char typecode, Object initial);

    abstract List<Object> newArray(char typecode, List<?> values);

    @Test
    void eachTypecodeHoldsWhatItsCTypeHolds() {
        assertThat(newValue('i', 25).get()).isEqualTo(25);
        assertThat(newValue('i', 1L << 32 | 7).get()).as("truncated like ctypes").isEqualTo(7);
        assertThat(newValue('I', -1).get()).isEqualTo(4_294_967_295L);
        assertThat(newValue('l', 1L << 40).get()).isEqualTo(1L << 40);
        assertThat(newValue('q', -1L).get()).isEqualTo(-1L);
        assertThat(newValue('h', -5).get()).isEqualTo((short) -5);
        assertThat(newValue('H', 70_000).get()).isEqualTo(70_000 - 65_536);
        assertThat(newValue('b', 200).get()).isEqualTo((byte) -56);
        assertThat(newValue('B', 300).get()).isEqualTo((short) 44);
        assertThat(newValue('c', (byte) 'x').get()).isEqualTo((byte) 'x');
        assertThat(newValue('f', 0.5).get()).isEqualTo(0.5f);
        assertThat(newValue('d', 3.625).get()).isEqualTo(3.625);
        assertThat(newValue('u', 'ж').get()).isEqualTo('ж');
    }

    @Test
    void aValueTheTypecodeCannotHoldIsRefused() {
        assertThatThrownBy(() -> newValue('i', 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("int expected instead of float for typecode 'i'");
        assertThatThrownBy(() -> newValue('u', 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("typecode 'u' holds one character, not Integer 5");
        assertThatThrownBy(() -> newValue('z', 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad typecode");
        Cell cell = newValue('i', 3);
        assertThatThrownBy(() -> cell.set(2.9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cell.get()).isEqualTo(3);
    }

    @Test
    void aChildsWritesAreSeenByTheParent() throws Exception {
        Cell number = newValue('d', 0.0);
        Cell letter = newValue('u', 'a');
        Processes.joinOk(Processes.start(() -> {
            number.set(3.14);
            letter.set('z');
        }));
        assertThat(number.get()).isEqualTo(3.14);
        assertThat(letter.get()).isEqualTo('z');
    }

    @Test
    void anArrayHoldsEachItemAsItsTypecodeDoes() {
        assertThat(newArray('i', IntStream.range(0, 5).boxed().toList())).containsExactly(0, 1, 2, 3, 4);
        assertThat(newArray('b', List.of(200, -1))).containsExactly((byte) -56, (byte) -1);
        assertThat(newArray('d', List.of(1, 2.5))).containsExactly(1.0, 2.5);
        assertThatThrownBy(() -> newArray('i', List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
