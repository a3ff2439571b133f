package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;

/**
 * The shape of most examples as a whole program: start one child with a trivial target, join it, exit.
 * {@link ProcessBench} times it from outside, with and without the spare.
 */
public final class OneChildProgram {

    private OneChildProgram() {
    }

    static void noop() {
        // the trivial target
    }

    public static void main(String[] args) throws InterruptedException {
        ChildProcess child = new ChildProcess(OneChildProgram::noop);
        child.start();
        child.join();
    }
}
