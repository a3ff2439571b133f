package dev.mp4j.bench;

/** A JVM that only sleeps: the floor for an idle child's memory and CPU, sampled by {@link StartupBench}. */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args[0]));
    }
}
