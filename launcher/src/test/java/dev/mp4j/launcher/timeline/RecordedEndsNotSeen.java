package dev.mp4j.launcher.timeline;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Client;
import dev.mp4j.launcher.Connection;
import dev.mp4j.launcher.Event;
import dev.mp4j.launcher.Listener;
import dev.mp4j.launcher.Time;
import dev.mp4j.launcher.pool.AsyncResult;
import dev.mp4j.launcher.pool.Pool;
import dev.mp4j.launcher.pool.WorkerDiedException;
import java.util.concurrent.TimeoutException;

/**
 * What {@link EndsNotSeenTest} records: a pool worker killed ({@code kill -9}) in the middle of a task,
 * and a daemon child that takes a second to die when its parent ends (a shutdown hook of its own that
 * sleeps, until the parent's exit kills it), longer than the recording waits.
 */
public final class RecordedEndsNotSeen {

    private RecordedEndsNotSeen() {
    }

    public static void main(String[] args) throws Exception {
        Pool pool = new Pool(1);
        try (Listener reports = new Listener()) {
            Address address = reports.address();
            AsyncResult<Long> task = pool.applyAsync(() -> {
                try (Connection report = Client.connect(address)) {
                    report.send(ProcessHandle.current().pid());
                }
                Thread.sleep(60_000);
                return 0L;
            });
            long workerPid;
            try (Connection report = reports.accept()) {
                workerPid = (Long) report.recv();
            }
            ProcessHandle.of(workerPid).orElseThrow().destroyForcibly();
            try {
                task.get(30);
            } catch (WorkerDiedException died) {
                System.out.println("the worker died in its task");
            } catch (TimeoutException stillWaiting) {
                System.out.println("the task still runs");
            }
        } finally {
            pool.terminate();
        }

        Event hooked = new Event();
        ChildProcess slowToDie = new ChildProcess(() -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            hooked.set();
            Time.sleep(60);
        }, "SlowToDie");
        slowToDie.setDaemon(true);
        slowToDie.start();
        hooked.await();
        System.out.println("the parent ends");
    }
}
