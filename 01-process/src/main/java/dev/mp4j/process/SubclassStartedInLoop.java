package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Time;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * P09 — seed 002, 1.3 方法2:继承Process来自定义进程类,重写run方法: three {@code MyProcess} children, each
 * printing {@code process name :N} and sleeping one second, all joined; they run at the same time, in no
 * fixed order (子进程的执行顺序不是根据启动顺序决定的).
 *
 * <p>Fixed from the article, doing what it means: it passes the int {@code i} as the name (CPython
 * rejects that: {@code name must be a string}), here {@code String.valueOf(i)}; and its join loop joins
 * the last process three times, here each process is joined.
 */
public final class SubclassStartedInLoop {

    private SubclassStartedInLoop() {
    }

    static final class MyProcess extends ChildProcess {
        @Serial
        private static final long serialVersionUID = 1L;

        MyProcess(String name) {
            super(name);
        }

        @Override
        public void run() {
            System.out.println("process name :" + name());
            Time.sleep(1);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<MyProcess> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MyProcess p = new MyProcess(String.valueOf(i));
            p.start();
            processes.add(p);
        }
        for (MyProcess p : processes) {
            p.join();
        }
    }
}
