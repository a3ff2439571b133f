package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class RepromptOnEmptyInputClientTest {

    private static final String NL = System.lineSeparator();

    @Test
    void anEmptyLineRepromptsAndTheNextLineStillGetsItsReply() throws Exception {
        try (ProcessPerConnectionServer server = ProcessPerConnectionServer.start(0)) {
            String typed = "\n   \nhello\n"; // two empty inputs, then text, then end of input
            ByteArrayOutputStream screen = new ByteArrayOutputStream();

            RepromptOnEmptyInputClient.chat(server.port(),
                    new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(screen, true, StandardCharsets.UTF_8));

            assertThat(screen.toString(StandardCharsets.UTF_8))
                    .isEqualTo(">>: >>: >>: HELLO" + NL + ">>: ");
        }
    }
}
