package dev.mp4j.launcher;

import java.io.Serializable;

/**
 * What a child process runs: a serializable lambda or method reference, like the function Python
 * pickles by reference. Arguments are whatever the lambda captures: {@code () -> f("derek")}.
 */
@FunctionalInterface
public interface Target extends Serializable {

    void run() throws Exception;
}
