package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.asynciostyle.support.CtrlC;
import dev.mp4j.asynciostyle.support.LocalRedis;
import dev.mp4j.asynciostyle.support.Python;
import dev.mp4j.asynciostyle.support.RedisCli;
import dev.mp4j.launcher.Time;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.mp4j.asynciostyle.support.Python.print;
import static dev.mp4j.asynciostyle.support.RedisCli.lpushAt;

/**
 * A23 — seed 003, 2.6 协程 › aiohttp › async-custoimer.py [sic]: the master pops jobs from Redis every
 * second; each job becomes a coroutine on the (daemon) loop thread that calls the SMS API
 * ({@link SmsApiServer}, A22) at {@code /<x>}, printing the status, the body and {@code Done x}; if
 * the call fails it calls {@code /error} instead.
 *
 * <p>aiohttp becomes {@code HttpClient.sendAsync}, awaited through {@code wrapFuture}. A request times
 * out after aiohttp's default of 5 minutes, so the job of 12 prints {@code 12 It works} and
 * {@code Done 12}; {@code -DfetchTimeout=10} (ours) makes it fall back to {@code /error} instead. As in
 * Python, {@code except Exception} does not catch Ctrl+C ({@code KeyboardInterrupt} is not an
 * Exception): it ends the main thread with Python's traceback, and the daemon loop thread with the
 * process. The article's open question about exceptions escaping the
 * coroutines (PP43) is answered by {@link LoopErrorToMainThread}.
 */
public final class AsyncCustomer {

    static final RedisCli.Push[] SCRIPT = {lpushAt(0, "2"), lpushAt(0.5, "12")};

    /** aiohttp's {@code ClientTimeout(total=5 * 60)}, its default. */
    static final double AIOHTTP_TIMEOUT_SECONDS = 300;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String api = "http://127.0.0.1:5000";

    static void startLoop(EventLoop loop) {
        Asyncio.setEventLoop(loop);
        loop.runForever();
    }

    static String fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Time.scaled(Double.parseDouble(System.getProperty("fetchTimeout", String.valueOf(AIOHTTP_TIMEOUT_SECONDS)))))
                .build();
        HttpResponse<String> resp = Asyncio.getRunningLoop()
                .wrapFuture(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString())).await();
        print(resp.statusCode());
        return resp.body();
    }

    static Coroutine<Void> doSomeWork(int x) {
        return Coroutine.named("do_some_work", () -> {
            print("Waiting ", x);
            try {
                String ret = fetch("%s/%d".formatted(api, x));
                print(ret);
            } catch (Exception e) {
                try {
                    print(fetch(api + "/error"));
                } catch (Exception e2) {
                    print(e2);
                }
                return null;
            }
            print("Done {}".replace("{}", String.valueOf(x)));   // the try's else branch
            return null;
        });
    }

    public static void main(String[] args) throws Exception {
        try (LocalRedis redis = LocalRedis.start(); SmsApiServer server = SmsApiServer.start(0)) {
            api = server.url("");
            run(Asyncio.newEventLoop(), redis, Double.parseDouble(System.getProperty("ctrlCAfter", "17")), SCRIPT);
        } catch (KeyboardInterrupt e) {
            Python.exitOnKeyboardInterrupt(e); // the scripted Ctrl+C ends the program, as in the article
        }
    }

    static void run(EventLoop newLoop, LocalRedis redis, double ctrlCAfter, RedisCli.Push... script) throws Exception {
        Thread t = new Thread(() -> startLoop(newLoop));
        t.setDaemon(true);
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
        } catch (Exception e) {
            print("error");
            newLoop.stop();
        } finally {
            // pass
        }
    }
}
