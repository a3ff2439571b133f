package dev.mp4j.coroutines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.mp4j.launcher.Time;

/**
 * Local stand-ins for the websites the article downloads: a JDK {@link HttpServer} on 127.0.0.1 that
 * serves each page after its own delay (on the {@link Time} scale) with a fixed body size. The server's
 * handlers run on platform threads, so its waiting has nothing to do with the clients' virtual threads.
 */
final class LocalSites implements AutoCloseable {

    /** One page: its path, how long the server takes to answer it (article seconds), and its size. */
    record Page(String path, double delaySeconds, int bytes) {
    }

    /** The article's three sites, with sizes close to what it received and different response times. */
    static final List<Page> ARTICLE_PAGES = List.of(
            new Page("/www.python.org/", 1.0, 48_954),
            new Page("/www.yahoo.com/", 1.5, 491_871),
            new Page("/github.com/", 1.2, 51_595));

    private final HttpServer server;
    private final ExecutorService handlers;
    private final CountDownLatch arrivals;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    /** Starts serving {@code pages} on 127.0.0.1:{@code port} (0 picks a free port). */
    LocalSites(int port, List<Page> pages) throws IOException {
        this(port, pages, 0);
    }

    /**
     * Like {@link #LocalSites(int, List)}, but the server answers no request before {@code holdUntil}
     * requests have arrived (at most {@value #HOLD_LIMIT_SECONDS} s), so clients can only all finish if
     * they can all be waiting at once.
     */
    LocalSites(int port, List<Page> pages, int holdUntil) throws IOException {
        arrivals = new CountDownLatch(holdUntil);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        handlers = Executors.newCachedThreadPool();
        for (Page page : pages) {
            byte[] body = new byte[page.bytes()];
            Arrays.fill(body, (byte) 'x');
            server.createContext(page.path(), exchange -> {
                int now = inFlight.incrementAndGet();
                mostInFlight.accumulateAndGet(now, Math::max);
                try {
                    holdUntilAllArrived();
                    serve(exchange, page.delaySeconds(), body);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        server.setExecutor(handlers);
        server.start();
    }

    private static final int HOLD_LIMIT_SECONDS = 60;

    private void holdUntilAllArrived() {
        arrivals.countDown();
        try {
            arrivals.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The most requests the server was handling at the same moment. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    private static void serve(HttpExchange exchange, double delaySeconds, byte[] body) throws IOException {
        try (exchange) {
            Time.sleep(delaySeconds); // the remote site thinking
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The page's URL on this server. */
    String url(Page page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + page.path();
    }

    /** {@code urllib.request.urlopen(url).read()}: a plain blocking GET that returns the body. */
    static byte[] urlopen(String url) throws IOException {
        try (InputStream in = URI.create(url).toURL().openStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
