package dev.mp4j.launcher.timeline;

import dev.mp4j.launcher.ChildProcess;
import java.util.concurrent.CountDownLatch;

/**
 * What {@link ThreadLanesTest} records: a thread that prints nothing and ends, a daemon thread still
 * waiting when the program ends, and a child process (whose start and watch run on the launcher's threads).
 */
public final class RecordedSilentThreads {

    private RecordedSilentThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("before the thread");
        Thread silent = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "Silent");
        silent.start();
        silent.join();
        System.out.println("after the join");

        CountDownLatch never = new CountDownLatch(1);
        Thread sleeper = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "Sleeper");
        sleeper.setDaemon(true);
        sleeper.start();

        ChildProcess child = new ChildProcess(() -> System.out.println("the child says hi"));
        child.start();
        child.join();
        System.out.println("the end");
    }
}
