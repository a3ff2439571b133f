package dev.mp4j.launcher.timeline;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Event;
import dev.mp4j.launcher.Time;

/**
 * What {@link TimelineTest} records: the parent prints, one child prints and exits with 3, another
 * prints (half a line first, then the rest) and is killed while it sleeps.
 */
public final class RecordedProgram {

    private RecordedProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("parent begins");
        ChildProcess exitsWithThree = new ChildProcess(() -> {
            System.out.println("child exits with 3");
            System.err.println("said on stderr");
            System.exit(3);
        });
        exitsWithThree.start();
        exitsWithThree.join();

        Event printed = new Event();
        ChildProcess killed = new ChildProcess(() -> {
            System.out.print("half a line, ");
            System.out.flush();
            System.out.println("then the rest");
            printed.set();
            Time.sleep(60);
        });
        killed.start();
        printed.await();
        killed.kill();
        killed.join();
        System.out.println("parent ends");
    }
}
