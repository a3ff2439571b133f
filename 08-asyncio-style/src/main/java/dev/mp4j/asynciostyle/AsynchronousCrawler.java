package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Asyncio;
import dev.mp4j.asynciostyle.loop.Coroutine;
import dev.mp4j.asynciostyle.loop.EventLoop;
import dev.mp4j.asynciostyle.loop.Task;
import dev.mp4j.asynciostyle.support.PageServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.mp4j.asynciostyle.support.Python.now;
import static dev.mp4j.asynciostyle.support.Python.print;

/**
 * A02 — seed 003, 2.5 异步: the asynchronous crawler ("异步编写爬虫,用时0.4606208801269531";
 * "事件循环里的 tasks 都是跑在同一个线程里的"). aiohttp becomes {@code HttpClient.sendAsync}, whose
 * CompletableFuture the task awaits through {@link EventLoop#wrapFuture}; the three requests overlap,
 * so the run takes about the slowest page (0.45 s), not the sum. One client serves all three
 * requests (the article opens a session per request; a JDK client per request would start a
 * selector thread each time for nothing).
 */
public final class AsynchronousCrawler {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static Coroutine<Void> getResponse(Map.Entry<String, URI> arg) {
        return Coroutine.named("get_response", () -> {
            print(arg.getKey());
            HttpRequest request = HttpRequest.newBuilder(arg.getValue()).build();
            Asyncio.getRunningLoop().wrapFuture(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding())).await();
            return null;
        });
    }

    public static void main(String[] args) throws Exception {
        try (PageServer douban = PageServer.start(Integer.getInteger("port", 0), PageServer.DOUBAN_PAGES)) {
            List<Map.Entry<String, URI>> urls = List.of(
                    Map.entry("A", douban.uri("/top250")),
                    Map.entry("B", douban.uri("/top250?start=25&filter=")),
                    Map.entry("C", douban.uri("/top250?start=50&filter=")));
            EventLoop loop = Asyncio.getEventLoop();

            List<Task<Void>> tasks = List.of(
                    Asyncio.ensureFuture(getResponse(urls.get(0))),
                    Asyncio.ensureFuture(getResponse(urls.get(1))),
                    Asyncio.ensureFuture(getResponse(urls.get(2))));

            double start = now();
            loop.runUntilComplete(Asyncio.wait(tasks));
            double end = now();

            print("running time", end - start);
        }
    }
}
