package dev.mp4j.manager;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.managers.ArrayProxy;
import dev.mp4j.launcher.managers.ListProxy;
import dev.mp4j.launcher.managers.Manager;
import dev.mp4j.launcher.managers.ValueProxy;
import java.util.stream.IntStream;

/**
 * M03 — seed 004, (no heading: the Manager after shared memory): a Value, an Array and a list held by
 * a Manager server; a child sets {@code x.value = 3.14}, {@code arr[0] = 5} and appends {@code Hello},
 * and the parent prints what the child set. Used like shared memory, but any object type can be shared.
 *
 * <p>Java differs: {@code server.Value('d', 0.0)} is {@code server.value('d', 0.0)} (Java method casing),
 * {@code x.value} is {@code x.value()}. All three print as Python prints them: the Array as
 * {@code array('i', [...])}, the list as {@code ['Hello']} ({@link PythonRepr}; Java's own would be
 * {@code [Hello]}). The article never closes its
 * manager; here try-with-resources stops the server.
 */
public final class ManagerValueArrayAndList {

    private ManagerValueArrayAndList() {
    }

    static void f(ValueProxy<Double> x, ArrayProxy<Integer> arr, ListProxy<String> l) {
        x.setValue(3.14);
        arr.set(0, 5);
        l.add("Hello");
    }

    public static void main(String[] args) throws InterruptedException {
        try (Manager server = new Manager()) {
            ValueProxy<Double> x = server.value('d', 0.0);
            ArrayProxy<Integer> arr = server.array('i', IntStream.range(0, 10).boxed().toList());
            ListProxy<String> l = server.list();
            ChildProcess proc = new ChildProcess(() -> f(x, arr, l));
            proc.start();
            proc.join();
            System.out.println(x.value());
            System.out.println(arr);
            System.out.println(PythonRepr.repr(l));
        }
    }
}
