package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A block's atomic words are the mapping's own bytes, in the order the futex and the segment read them. */
@Timeout(60)
class SharedBlockTest {

    @Test
    void aWordWrittenThroughTheBlockIsTheSegmentsNativeValue() {
        SharedBlock block = SharedMemory.allocate(64);
        block.setLongVolatile(8, 0x0102030405060708L);
        block.setIntVolatile(16, 0x0a0b0c0d);
        assertThat(block.segment().get(ValueLayout.JAVA_LONG, 8)).isEqualTo(0x0102030405060708L);
        assertThat(block.segment().get(ValueLayout.JAVA_INT, 16)).isEqualTo(0x0a0b0c0d);
        block.segment().set(ValueLayout.JAVA_LONG, 24, 42L);
        assertThat(block.getLongVolatile(24)).isEqualTo(42L);
    }

    @Test
    void atomicUpdatesSeeEachOther() {
        SharedBlock block = SharedMemory.allocate(64);
        assertThat(block.casLong(0, 0, 5)).isTrue();
        assertThat(block.casLong(0, 0, 6)).isFalse();
        assertThat(block.getAndAddLong(0, 3)).isEqualTo(5);
        assertThat(block.getAndBitwiseOrLong(0, 0x100)).isEqualTo(8);
        assertThat(block.getAndBitwiseAndLong(0, 0x100)).isEqualTo(0x108);
        assertThat(block.getLongVolatile(0)).isEqualTo(0x100);
    }

    @Test
    void theLastWordWorksAndAWordPastTheEndIsRefused() {
        SharedBlock block = SharedMemory.allocate(64);
        block.setLongVolatile(56, 9);
        assertThat(block.getLongVolatile(56)).isEqualTo(9);
        assertThatThrownBy(() -> block.getLongVolatile(64)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> block.getLongVolatile(1L << 32)).isInstanceOf(ArithmeticException.class);
    }
}
