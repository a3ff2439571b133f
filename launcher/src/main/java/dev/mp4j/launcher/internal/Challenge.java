package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.AuthenticationException;
import dev.mp4j.launcher.Connection;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Mutual challenge-response over an authkey, as CPython's {@code deliver_challenge}/{@code
 * answer_challenge}: each side sends a random nonce and checks the peer's HMAC-SHA256 of it. The key
 * itself never crosses the wire.
 */
public final class Challenge {

    private static final byte[] CHALLENGE = "#CHALLENGE#".getBytes();
    private static final byte[] WELCOME = "#WELCOME#".getBytes();
    private static final byte[] FAILURE = "#FAILURE#".getBytes();
    private static final int NONCE_BYTES = 32;

    private Challenge() {
    }

    /** The server side: challenge the client, then answer its challenge. */
    public static void serverSide(Connection connection, byte[] authkey) {
        deliver(connection, authkey);
        answer(connection, authkey);
    }

    /** The client side: answer the server's challenge, then challenge it. */
    public static void clientSide(Connection connection, byte[] authkey) {
        answer(connection, authkey);
        deliver(connection, authkey);
    }

    private static void deliver(Connection connection, byte[] authkey) {
        byte[] nonce = KernelRandom.bytes(NONCE_BYTES);
        connection.sendBytes(concat(CHALLENGE, nonce));
        byte[] response = connection.recvBytes();
        if (!MessageDigest.isEqual(response, HmacSha256.mac(authkey, nonce))) {
            connection.sendBytes(FAILURE);
            throw new AuthenticationException("digest received was wrong: the peer does not know the authkey");
        }
        connection.sendBytes(WELCOME);
    }

    private static void answer(Connection connection, byte[] authkey) {
        byte[] challenge = connection.recvBytes();
        if (challenge.length != CHALLENGE.length + NONCE_BYTES
                || !Arrays.equals(Arrays.copyOf(challenge, CHALLENGE.length), CHALLENGE)) {
            throw new AuthenticationException("the peer did not send an authentication challenge");
        }
        connection.sendBytes(HmacSha256.mac(authkey, Arrays.copyOfRange(challenge, CHALLENGE.length, challenge.length)));
        byte[] verdict = connection.recvBytes();
        if (!Arrays.equals(verdict, WELCOME)) {
            throw new AuthenticationException("digest sent was rejected: the authkey does not match the peer's");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
