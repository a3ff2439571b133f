package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Time;
import java.io.Serial;
import java.util.concurrent.ThreadLocalRandom;

/**
 * P03 — seed 001, 开始创建进程 › 一个简单的程序 › 第二种 (自己定义类的方式实现): a subclass of the process
 * class overrides {@code run()}, which is what really runs in the child; {@code liu start  eat} (two
 * spaces, as in the article's format string) and, one to three seconds later, {@code liu stop eat},
 * after the parent's {@code 主进程}.
 *
 * <p>Java differs: the whole object is serialized at {@code start()} and {@code run()} is called on the
 * copy in the child JVM, so a subclass's fields must be serializable (Python pickles it the same way
 * under spawn). The article assigns {@code self.name}; here the name goes to the constructor.
 */
public final class SubclassOverridingRun {

    private SubclassOverridingRun() {
    }

    /** The article's class {@code eat}, with Java's capitalisation. */
    static final class Eat extends ChildProcess {
        @Serial
        private static final long serialVersionUID = 1L;

        Eat(String name) {
            super(name);
        }

        @Override
        public void run() { // 真正运行的是这个地方: this is what runs in the child
            System.out.println(name() + " start  eat");
            Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            System.out.println(name() + " stop eat");
        }
    }

    public static void main(String[] args) {
        Eat p1 = new Eat("liu");
        p1.start();
        System.out.println("主进程");
    }
}
