package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildLeftBehind.class)
class QuitOnEmptyInputClientTest {

    private static final String NL = System.lineSeparator();

    @Test
    void printsTheUpperCasedReplyAndQuitsOnAnEmptyLine() throws Exception {
        try (ProcessPerConnectionServer server = ProcessPerConnectionServer.start(0)) {
            String typed = "hello\n  你好 python  \n\nnever sent\n";
            ByteArrayOutputStream screen = new ByteArrayOutputStream();

            QuitOnEmptyInputClient.chat(server.port(), input(typed), new PrintStream(screen, true, StandardCharsets.UTF_8));

            // the empty line ends the chat: the line after it is never sent
            assertThat(screen.toString(StandardCharsets.UTF_8))
                    .isEqualTo(">>>HELLO" + NL + ">>>你好 PYTHON" + NL + ">>>");
        }
    }

    @Test
    void endOfInputAlsoQuits() throws Exception {
        try (ProcessPerConnectionServer server = ProcessPerConnectionServer.start(0)) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            QuitOnEmptyInputClient.chat(server.port(), input("abc"), new PrintStream(screen, true, StandardCharsets.UTF_8));
            assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(">>>ABC" + NL + ">>>");
        }
    }

    private static ByteArrayInputStream input(String typed) {
        return new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
    }
}
