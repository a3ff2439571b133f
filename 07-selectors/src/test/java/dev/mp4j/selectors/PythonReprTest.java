package dev.mp4j.selectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code repr()} forms the article's prints rely on, checked against what CPython 3.11 prints. */
class PythonReprTest {

    @Test
    void bytesLikeCPython() {
        assertThat(PythonRepr.bytes("This is the message. ".getBytes())).isEqualTo("b'This is the message. '");
        assertThat(PythonRepr.bytes(new byte[] {'a', '\'', 'b', '"', '\n', 0, (byte) 0xff})).isEqualTo("b'a\\'b\"\\n\\x00\\xff'");
        assertThat(PythonRepr.bytes("it's".getBytes())).isEqualTo("b\"it's\"");
        assertThat(PythonRepr.bytes("你".getBytes(StandardCharsets.UTF_8))).isEqualTo("b'\\xe4\\xbd\\xa0'");
        assertThat(PythonRepr.bytes(new byte[0])).isEqualTo("b''");
    }

    @Test
    void addressLikeGetsockname() {
        assertThat(PythonRepr.address(new InetSocketAddress("127.0.0.1", 9999))).isEqualTo("('127.0.0.1', 9999)");
    }
}
