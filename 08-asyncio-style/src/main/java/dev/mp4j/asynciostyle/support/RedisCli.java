package dev.mp4j.asynciostyle.support;

import dev.mp4j.launcher.Time;
import java.util.concurrent.CancellationException;
import redis.clients.jedis.Jedis;

/**
 * The person at {@code redis-cli} in the article ({@code 127.0.0.1:6379[3]> lpush queue 2}), scripted:
 * a thread that pushes jobs at given moments (article seconds, scaled) on its own connection.
 */
public final class RedisCli implements AutoCloseable {

    /** One {@code lpush queue <value>} typed {@code at} seconds after the script starts. */
    public record Push(double at, String value) {
    }

    private final Thread thread;

    private RedisCli(LocalRedis redis, Push... pushes) {
        thread = Thread.ofVirtual().name("redis-cli").start(() -> {
            try (Jedis cli = redis.client()) {
                double done = 0;
                for (Push push : pushes) {
                    Time.sleep(Math.max(0, push.at() - done));
                    done = push.at();
                    cli.lpush(LocalRedis.QUEUE, push.value());
                }
            } catch (CancellationException closed) {
                // the example ended first
            }
        });
    }

    public static RedisCli type(LocalRedis redis, Push... pushes) {
        return new RedisCli(redis, pushes);
    }

    public static Push lpushAt(double at, String value) {
        return new Push(at, value);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
