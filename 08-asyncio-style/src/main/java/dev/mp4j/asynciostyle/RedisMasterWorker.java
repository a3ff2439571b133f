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
 * A19 — seed 003, 2.6 协程 › master-worker主从模式: the main thread is the master, popping jobs from a
 * Redis list with {@code rpop} (sleeping 1 s when it is empty), and the loop thread is the worker,
 * running each job as a coroutine submitted with {@code run_coroutine_threadsafe}. While the 5 s job
 * awaits, the two 1 s jobs run one after another ("其中5s awati的时候,相继执行了1s的两个任务").
 *
 * <p>Real Redis ({@link LocalRedis}); the article's {@code redis-cli lpush} session is scripted
 * ({@link RedisCli}): 2, then 5 and 1, then 1. The article's fragment runs forever; Ctrl+C
 * ({@code -DctrlCAfter=12}, pressed by itself) ends it here by stopping the loop thread-safely,
 * which is what A20 tries and A21 works around. The printed {@code Done 2} follows the article's
 * output (its do_some_work printed "Done after 2s"; the output matches A23's style).
 */
public final class RedisMasterWorker {

    static final RedisCli.Push[] SCRIPT = {lpushAt(0, "2"), lpushAt(3.5, "5"), lpushAt(3.5, "1"), lpushAt(6, "1")};

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
            run(Asyncio.newEventLoop(), redis, Double.parseDouble(System.getProperty("ctrlCAfter", "12")), SCRIPT);
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
            // Not in the fragment: end the worker the way that works (see A20).
            newLoop.callSoonThreadsafe(newLoop::stop);
            t.join();
            newLoop.close();
        }
    }
}
