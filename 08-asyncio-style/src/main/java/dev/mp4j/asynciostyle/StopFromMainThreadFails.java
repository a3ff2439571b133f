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
 * A20 — seed 003, 2.6 协程 › 停止子线程: on Ctrl+C the master catches {@code KeyboardInterrupt}, prints
 * it (an empty line) and calls {@code new_loop.stop()} — "可是实际上并不好使 … 子线程并没有退出".
 *
 * <p>Why (the article does not say): {@code stop()} only sets a flag that the loop reads after its
 * next iteration, and an idle loop is asleep in its select (here: parked) with nothing to wake it.
 * The loop thread is not a daemon, so the process lives on. The right way is to schedule the stop on
 * the loop itself: {@code new_loop.call_soon_threadsafe(new_loop.stop)}, which wakes it. This main
 * shows both, printing two lines of its own (marked {@code #}), so that it ends.
 */
public final class StopFromMainThreadFails {

    static final RedisCli.Push[] SCRIPT = {lpushAt(0, "2"), lpushAt(0.5, "1")};

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
            run(Asyncio.newEventLoop(), redis, Double.parseDouble(System.getProperty("ctrlCAfter", "4")), SCRIPT);
        }
    }

    static void run(EventLoop newLoop, LocalRedis redis, double ctrlCAfter, RedisCli.Push... script) throws Exception {
        Thread t = new Thread(() -> startLoop(newLoop));
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

        // Not in the article: what it observed, then the fix.
        t.join(dev.mp4j.launcher.Time.scaled(2));
        print("# loop thread alive 2 s after new_loop.stop():", t.isAlive());
        newLoop.callSoonThreadsafe(newLoop::stop);
        t.join();
        print("# loop thread alive after new_loop.call_soon_threadsafe(new_loop.stop):", t.isAlive());
        newLoop.close();
    }
}
