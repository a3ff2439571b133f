package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.SerializationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bytes of a run of values (a map chunk's items and results, a lambda's captured values), both ways. */
@Timeout(10)
class ValueRunTest {

    record Point(int x, int y) implements Serializable {
    }

    private static Object[] roundTrip(Object[] values, int from, int to) {
        byte[] bytes = ValueRun.encode(values, from, to, "test values");
        byte[] framed = new byte[bytes.length + 3]; // at an offset, as inside a batch
        System.arraycopy(bytes, 0, framed, 3, bytes.length);
        return ValueRun.decode(framed, 3, bytes.length);
    }

    @Test
    void numbersOfOneTypeComeBackAsTheyWent() {
        Object[] ints = {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, 0};
        Object[] longs = {1L, Long.MIN_VALUE, Long.MAX_VALUE};
        Object[] doubles = {0.5, -0.0, Double.NaN, Double.MAX_VALUE};
        assertThat(roundTrip(ints, 0, ints.length)).containsExactly(ints);
        assertThat(roundTrip(ints, 1, 3)).containsExactly(-2, Integer.MAX_VALUE);
        assertThat(roundTrip(longs, 0, longs.length)).containsExactly(longs);
        assertThat(roundTrip(doubles, 0, doubles.length)).containsExactly(doubles);
        assertThat(roundTrip(new Object[0], 0, 0)).isEmpty();
    }

    @Test
    void packedNumbersTakeTheirRawWidthOnly() {
        Object[] ints = new Object[1000];
        Arrays.setAll(ints, i -> i);
        assertThat(ValueRun.encode(ints, "ints")).hasSize(1 + 4 + 4 * 1000);
    }

    @Test
    void mixedTaggedValuesComeBackWithTheirTypes() {
        Object[] mixed = {1, 2L, 3.0, "four", null, true, new byte[] {5, 6}, "五"};
        Object[] back = roundTrip(mixed, 0, mixed.length);
        assertThat(back).hasSize(mixed.length);
        assertThat(Arrays.asList(back).subList(0, 6)).containsExactly(1, 2L, 3.0, "four", null, true);
        assertThat((byte[]) back[6]).containsExactly(5, 6);
        assertThat(back[7]).isEqualTo("五");
    }

    @Test
    void otherObjectsGoInOneStreamSoSharedOnesStayShared() {
        List<Integer> shared = new ArrayList<>(List.of(1, 2));
        Object[] values = {new Point(1, 2), shared, shared, 7};
        Object[] back = roundTrip(values, 0, values.length);
        assertThat(back[0]).isEqualTo(new Point(1, 2));
        assertThat(back[1]).isEqualTo(shared).isSameAs(back[2]);
        assertThat(back[3]).isEqualTo(7);
    }

    @Test
    void anArrayThatRecursArrivesAsOneArray() {
        int[] counts = {3, 1, 4};
        byte[] raw = {5, 6};
        Object[] values = {counts, "x", counts, raw, raw, new int[] {3, 1, 4}};
        Object[] back = roundTrip(values, 0, values.length);
        assertThat((int[]) back[0]).containsExactly(3, 1, 4);
        assertThat(back[2]).isSameAs(back[0]);
        assertThat(back[4]).isSameAs(back[3]);
        assertThat(back[5]).isNotSameAs(back[0]);
        assertThat((int[]) back[5]).containsExactly(3, 1, 4);
    }

    @Test
    void anUnserializableValueIsNamedWithWhatItBelongsTo() {
        Object[] values = {1, new Object()};
        assertThatThrownBy(() -> ValueRun.encode(values, "a chunk of map"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("a chunk of map").hasMessageContaining("java.lang.Object is not serializable");
    }
}
