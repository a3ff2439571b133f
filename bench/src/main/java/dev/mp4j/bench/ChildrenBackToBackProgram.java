package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;

/**
 * Starts and joins N children with a trivial target, one after the other (N is the first argument,
 * 12 by default), then exits. Timed from outside with and without {@code -Dmp4j.timeline=FILE.json},
 * it gives what recording costs a child's start (the launcher README's timeline figures).
 */
public final class ChildrenBackToBackProgram {

    private static final int DEFAULT_CHILDREN = 12;

    private ChildrenBackToBackProgram() {
    }

    static void noop() {
        // the trivial target
    }

    public static void main(String[] args) throws InterruptedException {
        int children = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CHILDREN;
        if (children < 1) {
            throw new IllegalArgumentException("the number of children must be at least 1, not " + children);
        }
        for (int i = 0; i < children; i++) {
            ChildProcess child = new ChildProcess(ChildrenBackToBackProgram::noop);
            child.start();
            child.join();
        }
    }
}
