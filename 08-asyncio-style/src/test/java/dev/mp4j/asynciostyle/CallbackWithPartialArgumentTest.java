package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackWithPartialArgumentTest {

    @Test
    void theFixedArgumentComesFirstAndTheFutureLast() throws Exception {
        List<String> lines = Stdout.capture(() -> CallbackWithPartialArgument.main(new String[0]));
        assertThat(lines).containsExactly("Waiting:  2", "Callback: 2 Done after 2s");
    }
}
