package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.CurrentProcess;
import dev.mp4j.launcher.Multiprocessing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * P06 — seed 002, 一、mutiprocessing库与subprocess库的区别 (prose only): {@code subprocess} runs an external
 * program and talks to it through pipes and its exit code; {@code multiprocessing} runs a function of
 * our own code in another process. Both, side by side: {@link ProcessBuilder} (Java's subprocess) runs
 * {@code java -version}, the launcher's {@link ChildProcess} runs {@link #power} from this class.
 *
 * <p>Java differs: the external command is the JDK's own {@code java}, so the example works wherever
 * this JVM does. The article says a multiprocessing child "re-loads the parent's code": a child JVM loads
 * the same class path but runs only the target, never this {@code main}.
 */
public final class ExternalCommandVersusChildProcess {

    private ExternalCommandVersusChildProcess() {
    }

    /** In-project code the child runs: it knows its name and its parent, and computes 8 ** 20. */
    static void power(int base, int exponent) {
        CurrentProcess me = Multiprocessing.currentProcess();
        System.out.println("multiprocessing: " + me.name() + " (pid " + me.pid() + ", 父进程 " + me.parentPid() + "): "
                + base + " ** " + exponent + " = " + BigInteger.valueOf(base).pow(exponent));
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // subprocess: an external binary; we see only what it writes to its pipe and its exit code
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.lang.Process external = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        System.out.println("subprocess: java -version");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(external.getInputStream(), Charset.defaultCharset()))) {
            out.lines().forEach(line -> System.out.println("  " + line));
        }
        System.out.println("  退出码: " + external.waitFor());

        // multiprocessing: a function of this program, run in a child JVM
        ChildProcess p = new ChildProcess(() -> power(8, 20));
        p.start();
        p.join();
        System.out.println("  退出码: " + p.exitcode());
    }
}
