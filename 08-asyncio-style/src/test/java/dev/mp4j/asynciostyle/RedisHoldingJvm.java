package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.support.LocalRedis;

/** A JVM that starts a private Redis, prints its port, and waits to be killed. */
final class RedisHoldingJvm {

    public static void main(String[] args) throws Exception {
        LocalRedis redis = LocalRedis.start();
        System.out.println("ready " + redis.address().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
