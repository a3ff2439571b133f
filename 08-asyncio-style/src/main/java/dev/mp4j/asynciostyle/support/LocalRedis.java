package dev.mp4j.asynciostyle.support;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * The article's Redis (127.0.0.1:6379, db 3, list {@code queue}), for real: the server at
 * {@code REDIS_URL} (environment, or {@code -Dredis.url}) when set, otherwise a redis-server binary
 * started from the JVM on a free loopback port, stopped on {@link #close()} or when the JVM ends,
 * however it ends ({@link RedisServerProcess}).
 */
public final class LocalRedis implements AutoCloseable {

    /** The article's database number ({@code redis.ConnectionPool(host='127.0.0.1', db=3)}). */
    public static final int DB = 3;
    /** The article's list key. */
    public static final String QUEUE = "queue";

    private final HostAndPort address;
    private final RedisServerProcess server;

    private LocalRedis(HostAndPort address, RedisServerProcess server) {
        this.address = address;
        this.server = server;
    }

    /** Connects to {@code REDIS_URL} or starts a private redis-server; the queue starts empty. */
    public static LocalRedis start() throws IOException {
        String url = System.getProperty("redis.url", System.getenv("REDIS_URL"));
        LocalRedis redis;
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url);
            redis = new LocalRedis(new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), null);
        } else {
            int port = freePort();
            RedisServerProcess server = RedisServerProcess.start(port);
            redis = new LocalRedis(new HostAndPort("127.0.0.1", port), server);
        }
        try (Jedis jedis = redis.client()) {
            jedis.del(QUEUE);
        }
        return redis;
    }

    /** A new connection to db 3 ({@code get_redis()} in the article). */
    public Jedis client() {
        return new Jedis(address, DefaultJedisClientConfig.builder().database(DB).build());
    }

    public HostAndPort address() {
        return address;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
