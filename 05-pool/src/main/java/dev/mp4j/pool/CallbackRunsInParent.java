package dev.mp4j.pool;

import dev.mp4j.launcher.Time;
import dev.mp4j.launcher.pool.Pool;

/**
 * O01 — seed 000, 进程 › 5.进程池: {@code Pool(3)}, ten {@code apply_async} calls with the callback
 * {@code Bar}.
 *
 * <p>At most three tasks run at a time (the pool has three workers), so ten 2-second tasks take four
 * waves, about 8 s. {@code Foo} prints its worker's pid; the callback {@code Bar} prints the
 * <em>main</em> process's pid: callbacks run in the parent, one at a time, on the pool's result-handler
 * thread. {@code close()} then {@code join()} waits for the work; run with {@code -Djoin=false} to see
 * the article's warning ("如果注释,那么程序直接关闭"): the program ends at once and the results are lost,
 * because pool workers are daemon processes that end with their parent.
 *
 * <p>Java differences: {@code Foo} is captured in a serializable lambda ({@code () -> foo(n)}) instead of
 * {@code func=Foo, args=(i,)}; no {@code __main__} guard is needed (a child JVM never re-runs main).
 */
public final class CallbackRunsInParent {

    private CallbackRunsInParent() {
    }

    static int foo(int i) {
        Time.sleep(2);
        System.out.println("in process " + ProcessHandle.current().pid());
        return i + 100;
    }

    static void bar(int arg) {
        System.out.println("-->exec done: " + arg + " " + ProcessHandle.current().pid());
    }

    public static void main(String[] args) throws InterruptedException {
        run(Boolean.parseBoolean(System.getProperty("join", "true")));
    }

    static void run(boolean join) throws InterruptedException {
        Pool pool = new Pool(3); // 允许进程池同时放入3个进程
        System.out.println("主进程 " + ProcessHandle.current().pid());
        for (int i = 0; i < 10; i++) {
            int n = i;
            pool.applyAsync(() -> foo(n), CallbackRunsInParent::bar); // callback: after foo(), bar() runs here
            // pool.apply(() -> foo(n)); // 串行 (serial)
        }
        System.out.println("end");
        if (join) {
            pool.close();
            pool.join(); // 进程池中进程执行完毕后再关闭,如果注释,那么程序直接关闭。必须先close(),再join()
        }
    }
}
