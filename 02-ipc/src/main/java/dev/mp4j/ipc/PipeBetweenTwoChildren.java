package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Pipe;

/**
 * I06 — seed 004, Multiprocessing with Pipe: each end of one duplex pipe goes to a different child;
 * proc1 sends first, proc2 answers.
 *
 * <p>The seed has no {@code __main__} guard (fine with fork only); a Java main has none to forget. The
 * two ends meet through the main process, which created the pipe and relays between the children.
 */
public final class PipeBetweenTwoChildren {

    private PipeBetweenTwoChildren() {
    }

    static void proc1(Connection pipe) {
        pipe.send("hello");
        System.out.println("proc1 rec: " + pipe.recv());
    }

    static void proc2(Connection pipe) {
        System.out.println("proc2 rec: " + pipe.recv());
        pipe.send("hello, too");
    }

    public static void main(String[] args) throws InterruptedException {
        Pipe pipe = Pipe.create();                                          // Build a pipe
        ChildProcess p1 = new ChildProcess(() -> proc1(pipe.get(0)));       // an end to process 1
        ChildProcess p2 = new ChildProcess(() -> proc2(pipe.get(1)));       // the other end to process 2
        p1.start();
        p2.start();
        p1.join();
        p2.join();
    }
}
