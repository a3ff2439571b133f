package dev.mp4j.locks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link LostUpdatesWithoutTheLock}: with the lock held around the update nothing is lost; without it, never more. */
class LostUpdatesWithoutTheLockTest {

    private static final int TIMES = 200_000;

    @Test
    void withTheLockTheTotalIsExact() throws Exception {
        assertThat(LostUpdatesWithoutTheLock.run(true, TIMES)).isEqualTo(2 * TIMES);
    }

    @Test
    void withoutTheLockUpdatesCanOnlyBeLost() throws Exception {
        int total = LostUpdatesWithoutTheLock.run(false, TIMES);
        System.out.println("without the lock: " + total + " of " + 2 * TIMES);
        assertThat(total).isPositive().isLessThanOrEqualTo(2 * TIMES);
    }
}
