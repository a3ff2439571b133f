package dev.mp4j.ipc;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Lock;
import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.Time;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * I07 — seed 004 (follows the Pipe example): ten putter and ten getter processes share a
 * {@code Queue(3)}, so putters wait while three items are pending; the main process closes its handle
 * once every putter has finished ("No more object will come").
 *
 * <p>The article guards {@code print} with a {@code multiprocessing.Lock} "to prevent messy print"; so
 * does this example, with the launcher's {@link Lock}. (The launcher forwards a child's output a whole
 * line at a time, so lines could not mix within a line even without it.) Python's
 * {@code str(time.time())} is printed in plain decimal notation, as Python shows it.
 */
public final class ManyPuttersAndGettersOnBoundedQueue {

    /** {@code multiprocessing.Queue(3)}: at most three items pending, so the other putters wait. */
    static final int MAXSIZE = 3;

    private ManyPuttersAndGettersOnBoundedQueue() {
    }

    /** input worker */
    static void inputQ(Queue<String> queue) {
        String info = ProcessHandle.current().pid() + "(put):" + new BigDecimal(Double.toString(Time.time())).toPlainString();
        queue.put(info);
    }

    /** output worker */
    static void outputQ(Queue<String> queue, Lock lock) {
        String info = queue.get();
        lock.acquire();
        try {
            System.out.println(ProcessHandle.current().pid() + "(get):" + info);
        } finally {
            lock.release();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<ChildProcess> record1 = new ArrayList<>();     // store input processes
        List<ChildProcess> record2 = new ArrayList<>();     // store output processes
        Queue<String> queue = new Queue<>(MAXSIZE);
        Lock lock = new Lock();                             // to prevent messy print
        for (int i = 0; i < 10; i++) {                      // input processes
            ChildProcess process = new ChildProcess(() -> inputQ(queue));
            process.start();
            record1.add(process);
        }
        for (int i = 0; i < 10; i++) {                      // output processes
            ChildProcess process = new ChildProcess(() -> outputQ(queue, lock));
            process.start();
            record2.add(process);
        }
        for (ChildProcess p : record1) {
            p.join();
        }
        queue.close();                                      // No more object will come, close the queue
        for (ChildProcess p : record2) {
            p.join();
        }
    }
}
