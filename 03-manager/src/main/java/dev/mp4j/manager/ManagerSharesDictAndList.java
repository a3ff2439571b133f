package dev.mp4j.manager;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.managers.DictProxy;
import dev.mp4j.launcher.managers.ListProxy;
import dev.mp4j.launcher.managers.Manager;
import java.util.ArrayList;
import java.util.List;

/**
 * M01 — seed 000, 进程 › 3.Manager: two children write their PIDs into a dict and a list that a Manager
 * server holds; the parent then sees both. Queues and pipes only exchange data; the Manager shares it.
 *
 * <p>Java differs: the proxies are a {@code java.util.Map} and {@code List}; they are printed as Python
 * prints them ({@link PythonRepr}: {@code {4711: 4711}}, where Java's own would be {@code {4711=4711}}).
 * The list holds the article's ints 0..4 and the PIDs as longs, hence {@code ListProxy<Object>}.
 */
public final class ManagerSharesDictAndList {

    private ManagerSharesDictAndList() {
    }

    static void f(DictProxy<Long, Long> d, ListProxy<Object> l) {
        long pid = ProcessHandle.current().pid();
        d.put(pid, pid);
        l.add(pid);
        System.out.println(PythonRepr.repr(l));
    }

    public static void main(String[] args) throws InterruptedException {
        try (Manager manager = new Manager()) {
            DictProxy<Long, Long> d = manager.dict(); // 生成一个字典,可在多个进程间共享和传递
            ListProxy<Object> l = manager.list(List.of(0, 1, 2, 3, 4)); // 生成一个列表,可在多个进程间共享和传递
            List<ChildProcess> pList = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ChildProcess p = new ChildProcess(() -> f(d, l));
                p.start();
                pList.add(p);
            }
            for (ChildProcess res : pList) { // 等待结果
                res.join();
            }
            System.out.println(PythonRepr.repr(d));
            System.out.println(PythonRepr.repr(l));
        }
    }
}
