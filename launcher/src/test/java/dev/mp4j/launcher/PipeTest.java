package dev.mp4j.launcher;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pipe ends across JVMs, after CPython's _TestConnection. */
class PipeTest {

    private static final double WAIT = 20;

    static void echo(Connection conn) {
        while (true) {
            byte[] message = conn.recvBytes();
            if (message.length == 0) {
                conn.close();
                return;
            }
            conn.sendBytes(message);
        }
    }

    @Test
    void aDuplexPipeCarriesObjectsAndBigMessagesBothWays() throws Exception {
        Pipe pipe = Pipe.create();
        Connection here = pipe.conn1();
        Connection there = pipe.conn2();
        ChildProcess child = new ChildProcess(() -> echo(there));
        child.start();
        here.send("hello 你好");
        assertThat(here.recv()).isEqualTo("hello 你好");
        byte[] big = new byte[1 << 20];
        Arrays.fill(big, (byte) 7);
        big[big.length - 1] = 9;
        here.sendBytes(big);
        assertThat(here.recvBytes()).isEqualTo(big);
        here.sendBytes(new byte[] {1, 2, 3, 4}, 1, 2);
        assertThat(here.recvBytes()).containsExactly(2, 3);
        here.sendBytes(new byte[0]);
        assertThatThrownBy(here::recv).as("the child closed its end").isInstanceOf(ConnectionClosedException.class);
        child.join(WAIT);
        assertThat(child.exitcode()).isZero();
    }

    @Test
    void bytesWaitingInMemoryAreTheSendersAtTheTimeOfTheSend() throws Exception {
        Pipe pipe = Pipe.create(); // both ends used here: messages wait in memory for their end
        byte[] buffer = {1, 2, 3, 4};
        pipe.conn1().sendBytes(buffer);
        pipe.conn1().sendBytes(buffer, 1, 2);
        Arrays.fill(buffer, (byte) 0); // the sender may reuse its array at once
        assertThat(pipe.conn2().recvBytes()).containsExactly(1, 2, 3, 4);
        assertThat(pipe.conn2().recvBytes()).containsExactly(2, 3);
    }

    @Test
    void messagesSentBeforeTheOtherEndIsUsedWait() throws Exception {
        Pipe pipe = Pipe.create();
        pipe.conn1().send("early 1");
        pipe.conn1().send("early 2");
        Queue<Object> report = new Queue<>();
        Connection there = pipe.conn2();
        ChildProcess child = new ChildProcess(() -> {
            report.put(there.recv());
            report.put(there.recv());
        });
        child.start();
        assertThat(report.get(true, WAIT)).isEqualTo("early 1");
        assertThat(report.get(true, WAIT)).isEqualTo("early 2");
        child.join(WAIT);
    }

    @Test
    void pollOnAnEmptyPipeIsFalseAndWaitsItsTimeout() throws Exception {
        Pipe pipe = Pipe.create();
        assertThat(pipe.conn1().poll()).isFalse();
        long start = System.nanoTime();
        assertThat(pipe.conn1().poll(0.2)).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(195));
        pipe.conn2().send("x");
        assertThat(pipe.conn1().poll(WAIT)).isTrue();
        assertThat(pipe.conn1().recv()).isEqualTo("x");

        Pipe toChild = Pipe.create();
        Queue<Object> report = new Queue<>();
        Connection there = toChild.conn1();
        ChildProcess child = new ChildProcess(() -> {
            report.put(there.poll());
            report.put(there.poll(0.1));
            report.put("polled");
            report.put(there.poll(WAIT));
        });
        child.start();
        assertThat(report.get(true, WAIT)).isEqualTo(false);
        assertThat(report.get(true, WAIT)).isEqualTo(false);
        assertThat(report.get(true, WAIT)).isEqualTo("polled");
        toChild.conn2().send("y");
        assertThat(report.get(true, WAIT)).isEqualTo(true);
        child.join(WAIT);
    }

    @Test
    void recvAfterThePeerClosedRaisesEofOnceTheMessagesAreRead() throws Exception {
        Pipe local = Pipe.create();
        local.conn2().send("last words");
        local.conn2().close();
        assertThat(local.conn1().recv()).isEqualTo("last words");
        assertThatThrownBy(local.conn1()::recv).isInstanceOf(ConnectionClosedException.class);
        assertThatThrownBy(() -> local.conn2().send("x")).isInstanceOf(IllegalStateException.class).hasMessage("handle is closed");

        Pipe pipe = Pipe.create(false);
        Connection sender = pipe.conn2();
        ChildProcess child = new ChildProcess(() -> {
            sender.send(1);
            sender.send(2);
        });
        child.start();
        sender.close(); // the parent's copy, never used here: only this handle closes
        assertThat(pipe.conn1().recv()).isEqualTo(1);
        assertThat(pipe.conn1().recv()).isEqualTo(2);
        assertThatThrownBy(pipe.conn1()::recv).as("the child ended").isInstanceOf(ConnectionClosedException.class);
        child.join(WAIT);
    }

    @Test
    void aChildSeesEofWhenTheParentClosesItsEnd() throws Exception {
        Pipe pipe = Pipe.create();
        Queue<String> report = new Queue<>();
        Connection there = pipe.conn2();
        ChildProcess child = new ChildProcess(() -> {
            report.put((String) there.recv());
            try {
                there.recv();
            } catch (ConnectionClosedException e) {
                report.put("EOF");
            }
        });
        child.start();
        pipe.conn1().send("bye");
        pipe.conn1().close();
        assertThat(report.get(true, WAIT)).isEqualTo("bye");
        assertThat(report.get(true, WAIT)).isEqualTo("EOF");
        child.join(WAIT);
    }

    @Test
    void aOneWayPipeRefusesTheWrongDirection() throws Exception {
        Pipe pipe = Pipe.create(false);
        assertThat(pipe.conn1().readable()).isTrue();
        assertThat(pipe.conn1().writable()).isFalse();
        assertThatThrownBy(() -> pipe.conn1().send("x")).isInstanceOf(IllegalStateException.class).hasMessage("connection is read-only");
        assertThatThrownBy(pipe.conn2()::recv).isInstanceOf(IllegalStateException.class).hasMessage("connection is write-only");
        Connection receiveEnd = pipe.conn1();
        assertThat(QueueTest.inChild(() -> receiveEnd.send("x"))).isEqualTo("IllegalStateException: connection is read-only");
    }

    @Test
    void anUnserializableObjectFailsInSend() throws Exception {
        Pipe pipe = Pipe.create();
        assertThatThrownBy(() -> pipe.conn1().send(new Object())).isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.Object");
        Connection there = pipe.conn2();
        assertThat(QueueTest.inChild(() -> there.send(new Thread()))).asString()
                .startsWith("SerializationException").contains("java.lang.Thread");
        assertThat(pipe.conn1().poll()).as("nothing half-sent").isFalse();
    }

    static void proc1(Connection pipe, Queue<String> report) {
        pipe.send("hello");
        report.put("proc1 rec: " + pipe.recv());
    }

    static void proc2(Connection pipe, Queue<String> report) {
        report.put("proc2 rec: " + pipe.recv());
        pipe.send("hello, too");
        pipe.close();
    }

    @Test
    void twoChildrenTalkThroughOnePipeAndSeeEachOthersEof() throws Exception {
        Pipe pipe = Pipe.create();
        Queue<String> report = new Queue<>();
        Connection a = pipe.get(0);
        Connection b = pipe.get(1);
        ChildProcess p1 = new ChildProcess(() -> {
            proc1(a, report);
            try {
                a.recv();
            } catch (ConnectionClosedException e) {
                report.put("proc1 EOF");
            }
        });
        ChildProcess p2 = new ChildProcess(() -> proc2(b, report));
        p1.start();
        p2.start();
        assertThat(report.get(true, WAIT)).isEqualTo("proc2 rec: hello");
        assertThat(report.get(true, WAIT)).isEqualTo("proc1 rec: hello, too");
        assertThat(report.get(true, WAIT)).isEqualTo("proc1 EOF");
        p1.join(WAIT);
        p2.join(WAIT);
    }

    @Test
    void anEndUsedInOneProcessCannotBeUsedInAnother() throws Exception {
        Pipe pipe = Pipe.create();
        pipe.conn1().poll();
        Connection same = pipe.conn1();
        assertThat(QueueTest.inChild(same::poll)).asString().contains("already in use in another process");
    }

    @Test
    void aPipeEndSentThroughAQueueWorksAndFailsWhenItsOwnerDies() throws Exception {
        Queue<Connection> handles = new Queue<>();
        Queue<String> report = new Queue<>();
        ChildProcess owner = new ChildProcess(() -> {
            Pipe mine = Pipe.create();
            handles.put(mine.conn2());
            report.put("owner got " + mine.conn1().recv());
            Thread.sleep(60_000);
        });
        ChildProcess user = new ChildProcess(() -> {
            Connection end = handles.get();
            end.send("hi");
            try {
                end.recv();
            } catch (ConnectionClosedException e) {
                report.put("user EOF");
            }
        });
        owner.start();
        user.start();
        assertThat(report.get(true, WAIT)).isEqualTo("owner got hi");
        owner.kill();
        assertThat(report.get(true, WAIT)).isEqualTo("user EOF");
        user.join(WAIT);
    }
}
