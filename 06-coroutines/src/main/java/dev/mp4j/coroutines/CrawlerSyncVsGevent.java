package dev.mp4j.coroutines;

import static dev.mp4j.coroutines.gevent.Gevent.joinall;
import static dev.mp4j.coroutines.gevent.Gevent.spawn;

import java.util.List;

import dev.mp4j.coroutines.gevent.Gevent;

/**
 * C03 — seed 000, 协程 › 3.Gevent › (2)爬虫例子: the same three downloads, first one after another, then
 * as greenlets; the synchronous cost is about the sum of the three, the asynchronous one about the
 * slowest.
 *
 * <p>The article's sites (python.org, yahoo.com, github.com) become a local {@link LocalSites} server
 * that answers each page after a different delay (1.0 s, 1.5 s, 1.2 s) with a fixed size, so the run
 * needs no internet and its timing is repeatable. {@code monkey.patch_all()} has no Java counterpart:
 * the JDK cannot be patched, so {@code f} wraps its blocking read in {@link Gevent#io}, which lets the
 * other greenlets run meanwhile, as a patched socket does. (Plain virtual threads need no wrapper at all;
 * see {@link BlockingIoReleasesTheCarrier}.) Settings: {@code -Dport=0} for the local server.
 */
public final class CrawlerSyncVsGevent {

    private CrawlerSyncVsGevent() {
    }

    static void f(String url) {
        System.out.printf("GET: %s%n", url);
        byte[] data = Gevent.io(() -> LocalSites.urlopen(url)); // resp = request.urlopen(url); data = resp.read()
        System.out.printf("%d bytes received from %s.%n", data.length, url);
    }

    public static void main(String[] args) throws Exception {
        try (LocalSites sites = new LocalSites(Integer.getInteger("port", 0), LocalSites.ARTICLE_PAGES)) {
            List<String> urls = LocalSites.ARTICLE_PAGES.stream().map(sites::url).toList();

            // 同步需要的时间
            long timeStart = System.nanoTime();
            for (String url : urls) {
                f(url);
            }
            System.out.println("同步cost " + (System.nanoTime() - timeStart) / 1e9);

            // 下面是异步花费的时间
            long asyncTimeStart = System.nanoTime();
            joinall(
                    spawn(() -> f(urls.get(0))),
                    spawn(() -> f(urls.get(1))),
                    spawn(() -> f(urls.get(2))));
            System.out.println("异步cost " + (System.nanoTime() - asyncTimeStart) / 1e9);
        }
    }
}
