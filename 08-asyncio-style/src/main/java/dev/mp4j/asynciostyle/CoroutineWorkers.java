package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.support.CtrlC;
import dev.mp4j.asynciostyle.support.LocalRedis;
import dev.mp4j.asynciostyle.support.Python;
import dev.mp4j.asynciostyle.support.RedisCli;
import redis.clients.jedis.Jedis;

import java.util.ArrayList;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;
import static dev.mp4j.asynciostyle.support.RedisCli.lpushAt;

/**
 * A25 — seed 003, 2.6 协程 › 协程消费: no master thread; two {@code worker()} coroutines on one loop each
 * poll Redis themselves ({@code rpop}, {@code await asyncio.sleep(1)} when empty) and sleep for the
 * job's seconds, so two jobs run at a time ("这样做就可以多多启动几个worker来监听队列"). Ctrl+C cancels
 * everything through {@code gather(*all_tasks()).cancel()}, prints True, and the loop is run once
 * more and closed.
 *
 * <p>The {@code rpop} inside the coroutine is a blocking call, as in the article: it is fast, and
 * while it runs no other coroutine does. Python prints the job as bytes ({@code b'3'}); so do we.
 * One Redis connection serves both workers, which is safe because only one of them runs at a time.
 * Jobs 3 and 1, then 2, are pushed by a scripted redis-cli; Ctrl+C after {@code -DctrlCAfter=8}.
 */
public final class CoroutineWorkers {

    static final RedisCli.Push[] SCRIPT = {lpushAt(0.5, "3"), lpushAt(0.5, "1"), lpushAt(2.5, "2")};

    static Jedis rcon;

    static Coroutine<Void> worker() {
        return Coroutine.named("worker", () -> {
            print("Start worker");

            while (true) {
                double start = now();
                String task = rcon.rpop("queue");
                if (task == null) {
                    Asyncio.sleep(1);
                    continue;
                }
                print("Wait ", Integer.parseInt(task));
                Asyncio.sleep(Integer.parseInt(task));
                print("Done ", "b'" + task + "'", now() - start);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        try (LocalRedis redis = LocalRedis.start()) {
            run(redis, Double.parseDouble(System.getProperty("ctrlCAfter", "8")), SCRIPT);
        }
    }

    static void run(LocalRedis redis, double ctrlCAfter, RedisCli.Push... script) throws Exception {
        try (Jedis connection = redis.client(); RedisCli cli = RedisCli.type(redis, script)) {
            rcon = connection;
            Asyncio.ensureFuture(worker());
            Asyncio.ensureFuture(worker());

            EventLoop loop = Asyncio.getEventLoop();
            try (CtrlC ctrlC = CtrlC.install(loop::interrupt).pressAfter(ctrlCAfter)) {
                loop.runForever();
            } catch (KeyboardInterrupt e) {
                print(Asyncio.gather(new ArrayList<>(Asyncio.allTasks())).cancel());
                loop.stop();
                loop.runForever();
            } finally {
                loop.close();
            }
        }
    }
}
