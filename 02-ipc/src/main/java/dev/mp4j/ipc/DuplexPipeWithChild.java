package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Pipe;

/**
 * I02 — seed 000, 进程 › 2.进程间通讯 › (2)Pipe(管道): a duplex pipe; the child sends two messages, the
 * parent prints them and sends two back, which the child prints.
 *
 * <p>The seed's literals are empty: the child's "11" and "22" come from its comments ({@code # prints
 * "11"}); the parent's two messages are lost, so "33" and "44" here are invented.
 */
public final class DuplexPipeWithChild {

    private DuplexPipeWithChild() {
    }

    static void f(Connection conn) {
        conn.send("11");
        conn.send("22");
        System.out.println("from parent: " + conn.recv());
        System.out.println("from parent: " + conn.recv());
        conn.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Pipe pipe = Pipe.create();                          // 生成管道实例,可以互相send()和recv()
        Connection parentConn = pipe.conn1();
        Connection childConn = pipe.conn2();
        ChildProcess p = new ChildProcess(() -> f(childConn));
        p.start();
        System.out.println(parentConn.recv());              // prints "11"
        System.out.println(parentConn.recv());              // prints "22"
        parentConn.send("33");                              // parent 发消息给 child
        parentConn.send("44");
        p.join();
    }
}
