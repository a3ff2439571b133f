package dev.mp4j.bench;

import java.nio.file.Path;
import java.util.List;

/** A bare {@code java Hello} with the flags a child JVM of the launcher boots with: a start's physical floor. */
final class BareJvm {

    private BareJvm() {
    }

    /** {@code java -XX:+UseSerialGC -XX:-UsePerfData -cp classPath Hello}. */
    static List<String> command(String classPath) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", classPath, Hello.class.getName());
    }

    /** Seconds to start {@code count} bare JVMs, one after the other without waiting, then wait for them all. */
    static double startThenWait(int count) throws Exception {
        List<String> command = command(WholeProgram.ownLocation()); // outside the clock: it is no part of a start
        long start = System.nanoTime();
        java.lang.Process[] processes = new java.lang.Process[count];
        for (int i = 0; i < count; i++) {
            processes[i] = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
        for (java.lang.Process process : processes) {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("a bare java Hello exited with " + process.exitValue());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
