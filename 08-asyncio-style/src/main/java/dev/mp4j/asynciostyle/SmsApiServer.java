package dev.mp4j.asynciostyle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mp4j.asynciostyle.support.CtrlC;
import dev.mp4j.launcher.Time;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A22 — seed 003, 2.6 协程 › aiohttp › server.py: the Flask "SMS API". {@code GET /<int:x>} sleeps x s
 * and answers {@code "{x} It works"}; {@code GET /error} (the alarm after a failed request) sleeps 3 s
 * and answers {@code "error!"}. Flask becomes the JDK {@link HttpServer} on 127.0.0.1
 * ({@code -Dport=5000}, Flask's default), one virtual thread per request so slow requests overlap.
 * Run it and stop it with Ctrl+C, as {@code app.run()}.
 */
public final class SmsApiServer implements AutoCloseable {

    private static final Pattern INT = Pattern.compile("/(\\d+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private SmsApiServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::route);
        server.setExecutor(executor);
        server.start();
    }

    public static SmsApiServer start(int port) throws IOException {
        return new SmsApiServer(port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var number = INT.matcher(path);
        if (number.matches()) {
            respond(exchange, 200, index(Integer.parseInt(number.group(1))));
        } else if (path.equals("/error")) {
            respond(exchange, 200, error());
        } else {
            respond(exchange, 404, "Not Found");
        }
    }

    static String index(int x) {
        Time.sleep(x);
        return "{} It works".replace("{}", String.valueOf(x));
    }

    static String error() {
        Time.sleep(3);
        return "error!";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        try (SmsApiServer app = start(Integer.getInteger("port", 5000));
             CtrlC ignored = CtrlC.install(() -> System.exit(0))) {
            System.out.println(" * Running on " + app.url("/") + " (Press CTRL+C to quit)");
            new CountDownLatch(1).await();
        }
    }
}
