package dev.mp4j.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import org.junit.jupiter.api.RepeatedTest;

/** L03: {@link AccountBalanceWithLock} always ends at 0. */
class AccountBalanceWithLockTest {

    @RepeatedTest(5)
    void finalBalanceIsZero() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            AccountBalanceWithLock.main(new String[0]);
            assertThat(console.outLines()).containsExactly("The final balance is: 0");
        }
    }
}
