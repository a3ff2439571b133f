package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The challenge's HMAC-SHA256 gives the published answers and the JDK's own, for every length that matters. */
@Timeout(60)
class HmacSha256Test {

    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sha256OfTheStandardsExamples() {
        assertThat(HmacSha256.sha256(new byte[0]))
                .isEqualTo(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(HmacSha256.sha256(ascii("abc")))
                .isEqualTo(hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(HmacSha256.sha256(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
                .isEqualTo(hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    }

    @Test
    void hmacOfRfc4231sTestCases() {
        byte[] twentyOhOhBs = new byte[20];
        Arrays.fill(twentyOhOhBs, (byte) 0x0b);
        assertThat(HmacSha256.mac(twentyOhOhBs, ascii("Hi There")))
                .isEqualTo(hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
        assertThat(HmacSha256.mac(ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo(hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        byte[] longKey = new byte[131];
        Arrays.fill(longKey, (byte) 0xaa);
        assertThat(HmacSha256.mac(longKey, ascii("Test Using Larger Than Block-Size Key - Hash Key First")))
                .isEqualTo(hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    }

    @Test
    void agreesWithTheJdkAcrossKeyAndMessageLengths() throws Exception {
        Random random = new Random(42);
        for (int keyLength = 0; keyLength <= 140; keyLength += 7) {
            for (int messageLength = 0; messageLength <= 200; messageLength++) {
                byte[] key = new byte[keyLength];
                byte[] message = new byte[messageLength];
                random.nextBytes(key);
                random.nextBytes(message);
                assertThat(HmacSha256.mac(key, message))
                        .as("key %d bytes, message %d bytes", keyLength, messageLength)
                        .isEqualTo(jdkMac(key, message));
            }
        }
    }

    /** The JDK refuses an empty key; HMAC pads any key to a block with zeros, so one zero byte is the same key. */
    private static byte[] jdkMac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
