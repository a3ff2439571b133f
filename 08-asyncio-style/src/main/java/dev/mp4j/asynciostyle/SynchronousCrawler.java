package dev.mp4j.asynciostyle;

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
 * A01 — seed 003, 2.5 异步: the synchronous crawler ("同步编写一个爬虫,用时1.2088820934295654").
 * Three pages fetched one after another with a blocking {@code HttpClient.send} (Python's
 * {@code requests.get}); the douban pages are a local {@link PageServer} whose three pages take
 * 0.35, 0.40 and 0.45 s, so the run takes about their sum. {@code -Dport=} picks the server port.
 */
public final class SynchronousCrawler {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static void getResponse(Map.Entry<String, URI> arg) throws Exception {
        CLIENT.send(HttpRequest.newBuilder(arg.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        print("task %s".formatted(arg.getKey()));
    }

    public static void main(String[] args) throws Exception {
        try (PageServer douban = PageServer.start(Integer.getInteger("port", 0), PageServer.DOUBAN_PAGES)) {
            List<Map.Entry<String, URI>> urls = List.of(
                    Map.entry("A", douban.uri("/top250")),
                    Map.entry("B", douban.uri("/top250?start=25&filter=")),
                    Map.entry("C", douban.uri("/top250?start=50&filter=")));
            double start = now();
            for (Map.Entry<String, URI> u : urls) {
                getResponse(u);
            }
            double end = now();
            print("running time", end - start);
        }
    }
}
