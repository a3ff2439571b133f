package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@link SharedSemaphore} contract for the launcher's Semaphore and BoundedSemaphore, and their refusal of a negative start. */
class LocalSemaphoreTest extends SemaphoreContract {

    @Override
    SharedSemaphore newSemaphore(int value) {
        return new Semaphore(value);
    }

    @Override
    SharedSemaphore newBoundedSemaphore(int value) {
        return new BoundedSemaphore(value);
    }

    @Test
    void aNegativeInitialValueIsRefused() {
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
    }
}
