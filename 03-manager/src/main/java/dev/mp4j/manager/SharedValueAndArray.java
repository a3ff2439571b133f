package dev.mp4j.manager;

import dev.mp4j.launcher.Array;
import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Value;
import java.util.stream.IntStream;

/**
 * M02 — seed 004, shared memory (no heading; "此时我们能够通过共享内存和Manager的方法来共享资源" — processes can
 * share resources through shared memory or a Manager): a child writes {@code 3.14} into a
 * {@code Value('d')} and {@code 5} into element 0 of an {@code Array('i', range(10))}; the parent,
 * after {@code join()}, prints {@code 3.14} and {@code [5, 1, 2, 3, 4, 5, 6, 7, 8, 9]}.
 *
 * <p>Java differs: the values live in a file mapped into both JVMs (FFM shared memory), so the child's
 * writes are the parent's, unlike a plain field, which each process has its own copy of (P10).
 * {@code arr[:]} is {@code arr.toList()}. The article's Python 2 prints ({@code print num.value}) are
 * plain prints, and the missing {@code __main__} guard is not needed: a child JVM never runs main.
 */
public final class SharedValueAndArray {

    private SharedValueAndArray() {
    }

    static void f(Value n, Array a) {
        n.set(3.14);
        a.set(0, 5);
    }

    public static void main(String[] args) throws InterruptedException {
        Value num = new Value('d', 0.0);
        Array arr = new Array('i', IntStream.range(0, 10).toArray());
        ChildProcess p = new ChildProcess(() -> f(num, arr));
        p.start();
        p.join();
        System.out.println(num.get());
        System.out.println(arr.toList());
    }
}
