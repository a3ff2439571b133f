package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.support.CtrlC;
import dev.mp4j.asynciostyle.support.LocalRedis;
import dev.mp4j.asynciostyle.support.RedisCli;
import redis.clients.jedis.Jedis;

import static dev.mp4j.asynciostyle.support.Python.print;
import static dev.mp4j.asynciostyle.support.RedisCli.lpushAt;

/**
 * A21 — seed 003, 2.6 协程 › 停止子线程: the article's fix for A20 — make the loop thread a daemon
 * ({@code t.setDaemon(True)  # 设置子线程为守护线程}), so when the main thread ends after Ctrl+C the
 * process exits and takes the loop and its coroutines with it ("子线程也随机退出 … 并且停止了子线程的
 * 协程任务"). Jobs still in flight are abandoned; the stop-thread-safely of A20 ends them cleanly
 * instead. Ctrl+C is pressed by itself after {@code -DctrlCAfter=3.5}, in the middle of a 5 s job.
 */
public final class DaemonLoopThread {

    static final RedisCli.Push[] SCRIPT = {lpushAt(0, "1"), lpushAt(0.5, "5")};

    static void startLoop(EventLoop loop) {
        Asyncio.setEventLoop(loop);
        loop.runForever();
    }

    static Coroutine<Void> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting ", x);
            Asyncio.sleep(x);
            print("Done {}".replace("{}", String.valueOf(x)));
            return null;
        });
    }

    public static void main(String[] args) throws Exception {
        try (LocalRedis redis = LocalRedis.start()) {
            run(Asyncio.newEventLoop(), redis, Double.parseDouble(System.getProperty("ctrlCAfter", "3.5")), SCRIPT);
        }
    }

    /** Returns the loop thread, still running, as the main thread ends. */
    static Thread run(EventLoop newLoop, LocalRedis redis, double ctrlCAfter, RedisCli.Push... script) throws Exception {
        Thread t = new Thread(() -> startLoop(newLoop));
        t.setDaemon(true);    // 设置子线程为守护线程
        t.start();

        try (Jedis rcon = redis.client();
             RedisCli cli = RedisCli.type(redis, script);
             CtrlC ctrlC = CtrlC.interrupting(Thread.currentThread()).pressAfter(ctrlCAfter)) {
            while (true) {
                String task = rcon.rpop("queue");
                if (task == null) {
                    CtrlC.sleep(1);
                    continue;
                }
                Asyncio.runCoroutineThreadsafe(doSomeWork(Integer.parseInt(task)), newLoop);
            }
        } catch (KeyboardInterrupt e) {
            print(e);
            newLoop.stop();
        }
        return t;
    }
}
