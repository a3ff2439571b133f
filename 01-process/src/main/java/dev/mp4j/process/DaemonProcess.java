package dev.mp4j.process;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.Multiprocessing;
import dev.mp4j.launcher.Time;
import java.io.Serial;

/**
 * P12 — seed 002, 2.2 守护进程 › 主进程创建守护进程: a daemon child ({@code daemon} set before
 * {@code start()}) prints its pid and name ({@code Myprocess-1}) and {@code 哪吒正在和女主播聊天}; the
 * parent prints {@code 主} after ten seconds and ends, and the daemon ends with it (守护进程会在主进程代码
 * 执行结束后就终止). A daemon may not start children: {@code daemonic processes are not allowed to have
 * children}.
 *
 * <p>As in the article, the child is done long before the parent's {@code 主}; a daemon child that is
 * still running when the parent ends is terminated by the launcher (its tests check that). Java differs:
 * the refused grandchild is an {@code IllegalStateException}, not Python's {@code AssertionError}; and
 * the article's missing {@code __main__} guard does not matter, as a child JVM never runs this
 * {@code main}. During the sleep, {@code ps -ef | grep <pid>} shows the child JVM.
 */
public final class DaemonProcess {

    private DaemonProcess() {
    }

    static final class Myprocess extends ChildProcess {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String person;

        Myprocess(String person) {
            this.person = person; // the name stays the default, Myprocess-1
        }

        @Override
        public void run() {
            System.out.println(Multiprocessing.currentProcess().pid() + " " + name());
            System.out.println(person + "正在和女主播聊天");
        }
    }

    public static void main(String[] args) {
        Myprocess p = new Myprocess("哪吒");
        p.setDaemon(true); // 一定要在p.start()前设置: must be set before start()
        p.start();
        Time.sleep(10); // 在sleep时查看进程id对应的进程 ps -ef|grep id
        System.out.println("主");
    }
}
