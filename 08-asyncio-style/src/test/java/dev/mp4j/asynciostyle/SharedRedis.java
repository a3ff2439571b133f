package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.support.LocalRedis;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import redis.clients.jedis.Jedis;

/**
 * One real Redis for the whole test run (starting redis-server costs a second or two), closed by
 * JUnit when the run ends; each test gets it with an empty queue.
 */
public final class SharedRedis implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalRedis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalRedis redis = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(LocalRedis.class, key -> {
                    try {
                        return LocalRedis.start();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not start Redis", e);
                    }
                }, LocalRedis.class);
        try (Jedis jedis = redis.client()) {
            jedis.del(LocalRedis.QUEUE);
        }
        return redis;
    }
}
