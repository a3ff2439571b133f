package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Multiprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * P20 — seed 004 (no heading; "Similarity and difference of multi thread vs. multi process"): the same
 * {@code worker} runs in five threads and in five processes, each printing its PID under a lock so that
 * outputs do not mix: the five {@code thread} lines show the main PID, the five {@code process} lines
 * five other, distinct PIDs.
 *
 * <p>Java differs: {@code threading.Lock} is a {@link ReentrantLock}; {@code multiprocessing.Lock} is the
 * launcher's {@link dev.mp4j.launcher.Lock}, a lock word in shared memory that every child maps. Python's
 * one duck-typed {@code worker} becomes two overloads, one per kind of lock. The launcher already copies
 * children's output whole lines at a time, so lines could not mix within a line anyway; the lock is the
 * article's lesson. The missing {@code __main__} guard does not matter in Java.
 */
public final class ThreadVersusProcessPids {

    private ThreadVersusProcessPids() {
    }

    static void worker(String sign, Lock lock) {
        lock.lock();
        try {
            System.out.println(sign + " " + Multiprocessing.currentProcess().pid());
        } finally {
            lock.unlock();
        }
    }

    static void worker(String sign, dev.mp4j.launcher.Lock lock) {
        lock.acquire();
        try {
            System.out.println(sign + " " + Multiprocessing.currentProcess().pid());
        } finally {
            lock.release();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("Main: " + Multiprocessing.currentProcess().pid());

        // Multi-thread
        List<Thread> threads = new ArrayList<>();
        Lock threadLock = new ReentrantLock();
        for (int i = 0; i < 5; i++) {
            Thread thread = new Thread(() -> worker("thread", threadLock));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // Multi-process
        List<ChildProcess> processes = new ArrayList<>();
        dev.mp4j.launcher.Lock processLock = new dev.mp4j.launcher.Lock();
        for (int i = 0; i < 5; i++) {
            ChildProcess process = new ChildProcess(() -> worker("process", processLock));
            process.start();
            processes.add(process);
        }
        for (ChildProcess process : processes) {
            process.join();
        }
    }
}
