package dev.mp4j.asynciostyle.support;

import com.sun.net.httpserver.HttpServer;
import dev.mp4j.launcher.Time;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stand-in for the article's internet pages (movie.douban.com/top250, three pages): a local HTTP
 * server on 127.0.0.1 whose pages answer after a fixed delay, one virtual thread per request.
 */
public final class PageServer implements AutoCloseable {

    /** The article's three pages and how long each takes to answer (its runs: 1.21 s in sequence). */
    public static final Map<String, Double> DOUBAN_PAGES = Map.of(
            "/top250", 0.35,
            "/top250?start=25&filter=", 0.40,
            "/top250?start=50&filter=", 0.45);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private PageServer(int port, Map<String, Double> delays) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            Double delay = delays.get(path);
            byte[] body = (delay == null ? "no such page" : "<html>" + path + "</html>").getBytes(StandardCharsets.UTF_8);
            if (delay != null) {
                Time.sleep(delay);
            }
            exchange.sendResponseHeaders(delay == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts the server; port 0 picks a free one. */
    public static PageServer start(int port, Map<String, Double> delays) throws IOException {
        return new PageServer(port, delays);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
