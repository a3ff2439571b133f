package dev.mp4j.process;

import dev.mp4j.launcher.Time;

/** Runs a block with another time scale (children started inside inherit it), then restores the old one. */
final class Scaled {

    @FunctionalInterface
    interface Block {
        void run() throws Exception;
    }

    private Scaled() {
    }

    static void run(double scale, Block block) throws Exception {
        String previous = System.getProperty(Time.SCALE_PROPERTY);
        System.setProperty(Time.SCALE_PROPERTY, Double.toString(scale));
        try {
            block.run();
        } finally {
            if (previous == null) {
                System.clearProperty(Time.SCALE_PROPERTY);
            } else {
                System.setProperty(Time.SCALE_PROPERTY, previous);
            }
        }
    }

    /** Runs a main that renames its thread {@code MainThread} (as Python names it) and restores the name. */
    static void asMainThread(Block main) throws Exception {
        Thread self = Thread.currentThread();
        String name = self.getName();
        try {
            main.run();
        } finally {
            self.setName(name);
        }
    }
}
