package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.support.CtrlC;
import dev.mp4j.asynciostyle.support.LocalRedis;
import dev.mp4j.asynciostyle.support.Python;
import dev.mp4j.asynciostyle.support.RedisCli;
import dev.mp4j.launcher.Time;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.KeyValue;

import static dev.mp4j.asynciostyle.support.Python.print;
import static dev.mp4j.asynciostyle.support.RedisCli.lpushAt;

/**
 * A24 — seed 003, 2.6 协程 › aiohttp: the blocking consumer, {@code _, task = rcon.brpop("queue")}: the
 * master sleeps inside Redis until a job arrives, no 1 s polling ("似乎brpop的方式更适合这种队列消费
 * 的模型"). After {@code lpush} 5, 1, 1 the three jobs start at once and the 1 s calls come back
 * before the 5 s one, as in the article's transcript. The coroutines are A23's.
 *
 * <p>Java difference: a brpop blocked forever cannot be interrupted by Ctrl+C from Java (the socket
 * read ignores thread interrupts), so the master blocks at most one second at a time and looks for
 * Ctrl+C in between; the one-second wait happens in Redis, not in a sleep.
 */
public final class BrpopCustomer {

    static final RedisCli.Push[] SCRIPT = {lpushAt(0, "5"), lpushAt(0.5, "1"), lpushAt(1, "1")};

    public static void main(String[] args) throws Exception {
        try (LocalRedis redis = LocalRedis.start(); SmsApiServer server = SmsApiServer.start(0)) {
            AsyncCustomer.api = server.url("");
            run(Asyncio.newEventLoop(), redis, Double.parseDouble(System.getProperty("ctrlCAfter", "7")), SCRIPT);
        } catch (KeyboardInterrupt e) {
            Python.exitOnKeyboardInterrupt(e); // the scripted Ctrl+C ends the program, as in the article
        }
    }

    static void run(EventLoop newLoop, LocalRedis redis, double ctrlCAfter, RedisCli.Push... script) throws Exception {
        Thread t = new Thread(() -> AsyncCustomer.startLoop(newLoop));
        t.setDaemon(true);
        t.start();

        try (Jedis rcon = redis.client();
             RedisCli cli = RedisCli.type(redis, script);
             CtrlC ctrlC = CtrlC.interrupting(Thread.currentThread()).pressAfter(ctrlCAfter)) {
            while (true) {
                KeyValue<String, String> popped = rcon.brpop(Time.scaled(1).toNanos() / 1e9, "queue");
                CtrlC.check();
                if (popped == null) {
                    continue;
                }
                String task = popped.getValue();   // _, task = rcon.brpop("queue")
                Asyncio.runCoroutineThreadsafe(AsyncCustomer.doSomeWork(Integer.parseInt(task)), newLoop);
            }
        } catch (Exception e) {
            print("error", e);
            newLoop.stop();
        } finally {
            // pass
        }
    }
}
