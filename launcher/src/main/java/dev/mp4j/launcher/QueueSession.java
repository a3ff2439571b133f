package dev.mp4j.launcher;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The owner's side of one connection from a queue handle in another process: requests in, answers
 * out, one at a time. Requests are {@code [op][block][timeout nanos, 8 bytes][item]}; answers
 * {@code [status][payload]}. {@link #PUT_ASYNC} has no answer: an unbounded queue never refuses a put,
 * so the putter streams items and only a {@link #SYNC} waits for the owner to have stored them all.
 *
 * <p>A blocking wait runs in short slices; between slices the session checks that its client is
 * still there, so a consumer that died while waiting never swallows an item meant for another.
 */
final class QueueSession {

    static final byte PUT = 1;
    static final byte PUT_ASYNC = 2;
    static final byte GET = 3;
    static final byte QSIZE = 4;
    static final byte TASK_DONE = 5;
    static final byte JOIN = 6;
    static final byte SYNC = 7;

    static final byte OK = 0;
    static final byte FULL = 1;
    static final byte EMPTY = 2;
    static final byte ERROR = 3;

    static final int HEADER = 10;

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final byte[] OK_REPLY = {OK};
    private static final byte[] FULL_REPLY = {FULL};
    private static final byte[] EMPTY_REPLY = {EMPTY};

    private QueueSession() {
    }

    static byte[] request(byte op, boolean block, long timeoutNanos, byte[] item) {
        int itemLength = item == null ? 0 : item.length;
        byte[] frame = new byte[HEADER + itemLength];
        frame[0] = op;
        frame[1] = (byte) (block ? 1 : 0);
        ByteBuffer.wrap(frame, 2, 8).putLong(timeoutNanos);
        if (item != null) {
            System.arraycopy(item, 0, frame, HEADER, itemLength);
        }
        return frame;
    }

    static void serve(QueueCore core, Connection client) throws InterruptedException {
        while (true) {
            byte[] request;
            try {
                request = client.recvBytes();
            } catch (ConnectionClosedException gone) {
                return;
            }
            byte op = request[0];
            boolean block = request[1] != 0;
            long timeout = ByteBuffer.wrap(request, 2, 8).getLong();
            switch (op) {
                case PUT_ASYNC -> core.put(item(request), true, -1);
                case PUT -> {
                    Boolean put = put(core, client, item(request), block, timeout);
                    if (put == null) {
                        return;
                    }
                    client.sendBytes(put ? OK_REPLY : FULL_REPLY);
                }
                case GET -> {
                    if (!get(core, client, block, timeout)) {
                        return;
                    }
                }
                case QSIZE -> client.sendBytes(ByteBuffer.allocate(5).put(OK).putInt(core.size()).array());
                case TASK_DONE -> {
                    try {
                        core.taskDone();
                        client.sendBytes(OK_REPLY);
                    } catch (IllegalStateException e) {
                        client.sendBytes(error(e.getMessage()));
                    }
                }
                case JOIN -> {
                    while (!core.join(SLICE_NANOS)) {
                        if (client.poll()) {
                            return;
                        }
                    }
                    client.sendBytes(OK_REPLY);
                }
                case SYNC -> client.sendBytes(OK_REPLY);
                default -> {
                    client.sendBytes(error("unknown queue request " + op));
                    return;
                }
            }
        }
    }

    private static byte[] item(byte[] request) {
        return Arrays.copyOfRange(request, HEADER, request.length);
    }

    /** True if put, false if full, null if the client vanished while waiting. */
    private static Boolean put(QueueCore core, Connection client, byte[] item, boolean block, long timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout;
        while (true) {
            long slice = timeout < 0 ? SLICE_NANOS : Math.min(SLICE_NANOS, deadline - System.nanoTime());
            if (core.put(item, block, Math.max(0, slice))) {
                return true;
            }
            if (!block || timeout >= 0 && deadline - System.nanoTime() <= 0) {
                return false;
            }
            if (client.poll()) {
                return null;
            }
        }
    }

    /** Answers a get; false if the client vanished (any item taken for it goes back to the head). */
    private static boolean get(QueueCore core, Connection client, boolean block, long timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout;
        byte[] item;
        while (true) {
            long slice = timeout < 0 ? SLICE_NANOS : Math.min(SLICE_NANOS, deadline - System.nanoTime());
            item = core.get(block, Math.max(0, slice));
            if (item != null || !block || timeout >= 0 && deadline - System.nanoTime() <= 0) {
                break;
            }
            if (client.poll()) {
                return false;
            }
        }
        if (item == null) {
            client.sendBytes(EMPTY_REPLY);
            return true;
        }
        byte[] reply = new byte[item.length + 1];
        reply[0] = OK;
        System.arraycopy(item, 0, reply, 1, item.length);
        try {
            client.sendBytes(reply);
            return true;
        } catch (RuntimeException gone) {
            core.unget(item);
            return false;
        }
    }

    static byte[] error(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] reply = new byte[text.length + 1];
        reply[0] = ERROR;
        System.arraycopy(text, 0, reply, 1, text.length);
        return reply;
    }
}
