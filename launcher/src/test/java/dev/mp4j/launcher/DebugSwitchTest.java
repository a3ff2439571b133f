package dev.mp4j.launcher;

import dev.mp4j.launcher.pool.Pool;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * -Dmp4j.debug starts a child suspended under a JDWP agent on a loopback port, says so on the console,
 * and the child runs once a debugger attaches: here a socket speaking JDWP (handshake, then resume).
 */
@Timeout(90)
class DebugSwitchTest {

    private static final Pattern WAITING = Pattern.compile("child (\\S+) waits for a debugger on 127\\.0\\.0\\.1:(\\d+)");

    @AfterEach
    void clearSwitch() {
        System.clearProperty(DebugSwitch.PROPERTY);
    }

    @Test
    void aNamedChildWaitsForADebuggerAndRunsOnceOneAttaches() throws Exception {
        System.setProperty(DebugSwitch.PROPERTY, "DebugMe:0");
        Queue<String> ran = new Queue<>();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess child = new ChildProcess(() -> ran.put("ran"), "DebugMe");
            child.start();
            int port = announcedPorts(console, 1).getFirst();
            assertThat(child.isAlive()).isTrue();
            assertThat(ran.qsize()).isZero(); // suspended before its target

            attachAndResume(port);

            assertThat(ran.get(true, 30)).isEqualTo("ran");
            Processes.joinOk(child);
        }
    }

    @Test
    void aPortAloneDebugsTheNextChildOnly() throws Exception {
        System.setProperty(DebugSwitch.PROPERTY, "0");
        try (ConsoleCapture console = ConsoleCapture.start()) {
            ChildProcess debugged = Processes.start(() -> System.out.println("debugged child ran"));
            ChildProcess next = Processes.start(() -> System.out.println("next child ran"));
            Processes.joinOk(next); // runs at once: no agent
            assertThat(debugged.isAlive()).isTrue();
            assertThat(console.outLines()).doesNotContain("debugged child ran");

            attachAndResume(announcedPorts(console, 1).getFirst());
            Processes.joinOk(debugged);
            assertThat(console.outLines()).contains("debugged child ran");
            assertThat(console.err()).doesNotContain("child " + next.name() + " waits");
        }
    }

    @Test
    void aPoolsWorkersEachWaitOnTheirOwnPort() throws Exception {
        System.setProperty(DebugSwitch.PROPERTY, "PoolWorker:0");
        try (ConsoleCapture console = ConsoleCapture.start()) {
            CompletableFuture<Pool> starting = CompletableFuture.supplyAsync(() -> new Pool(2));
            List<Integer> ports = announcedPorts(console, 2);
            assertThat(ports).doesNotHaveDuplicates();
            assertThat(starting).isNotDone(); // the constructor waits for its workers, which wait for us
            for (int port : ports) {
                attachAndResume(port);
            }
            Pool pool = starting.get(60, TimeUnit.SECONDS);
            try {
                assertThat(pool.map(x -> x * 2, List.of(1, 2, 3))).containsExactly(2, 4, 6);
            } finally {
                pool.terminate();
                pool.join();
            }
        }
    }

    /** Waits for {@code count} "waits for a debugger" lines and returns their ports. */
    private static List<Integer> announcedPorts(ConsoleCapture console, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> WAITING.matcher(console.err()).results().count() >= count);
        return WAITING.matcher(console.err()).results().map(match -> Integer.parseInt(match.group(2))).toList();
    }

    /** What a debugger does first: the JDWP handshake, then VirtualMachine.Resume (command set 1, command 9). */
    static void attachAndResume(int port) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] handshake = "JDWP-Handshake".getBytes(StandardCharsets.US_ASCII);
            out.write(handshake);
            byte[] answer = new byte[handshake.length];
            in.readFully(answer);
            assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("JDWP-Handshake");

            out.writeInt(11);      // packet length
            out.writeInt(1);       // id
            out.writeByte(0);      // flags: a command
            out.writeByte(1);      // VirtualMachine
            out.writeByte(9);      // Resume
            out.flush();
            while (true) { // the agent may first send events (VMStart): skip to our reply
                int length = in.readInt();
                int id = in.readInt();
                int flags = in.readUnsignedByte();
                int errorCode = in.readUnsignedShort(); // a command's set and number, in an event
                in.skipNBytes(length - 11);
                if (flags == 0x80) {
                    assertThat(id).isEqualTo(1);
                    assertThat(errorCode).isZero();
                    return;
                }
            }
        }
    }
}
