package dev.mp4j.coroutines;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.mp4j.coroutines.gevent.Gevent;
import dev.mp4j.launcher.Time;

/**
 * Beyond the articles (CATALOG PP07, seed 000, 协程 › 3.Gevent: "gevent需要修改Python自带的一些标准库,这一过程在
 * 启动时通过monkey patch完成"): what {@code monkey.patch_all()} does for gevent, the JDK does for virtual
 * threads with no patch. 100 virtual threads each read a page that the local server answers after 1 s,
 * with the plain blocking {@code URL.openStream().readAllBytes()} ({@code urlopen(url).read()}), all on
 * ONE carrier thread: a blocked socket read parks its virtual thread and frees the carrier, so every read
 * progresses and the whole takes about one page's time, not 100. To make that airtight, the server
 * answers nobody until all 100 requests have arrived: had one blocked read held the carrier, the other
 * threads could not even have sent theirs.
 *
 * <p>This main restarts itself in a child JVM with one carrier (see {@link OneCarrier}). Settings:
 * {@code -Dclients=100}.
 */
public final class BlockingIoReleasesTheCarrier {

    private BlockingIoReleasesTheCarrier() {
    }

    public static void main(String[] args) throws Exception {
        if (!OneCarrier.active()) {
            OneCarrier.relaunch(BlockingIoReleasesTheCarrier.class, args);
            return;
        }
        int clients = Integer.getInteger("clients", 100);
        LocalSites.Page page = new LocalSites.Page("/slow/", 1.0, 1_000);
        try (LocalSites sites = new LocalSites(Integer.getInteger("port", 0), List.of(page), clients)) {
            String url = sites.url(page);
            Set<String> carriers = OneCarrier.newCarrierSet();
            AtomicLong bytes = new AtomicLong();

            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>(clients);
            for (int i = 0; i < clients; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    OneCarrier.noteCarrier(carriers);
                    try {
                        bytes.addAndGet(LocalSites.urlopen(url).length); // blocks on the socket; no wrapper
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    OneCarrier.noteCarrier(carriers);
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double cost = (System.nanoTime() - start) / 1e9;

            double onePage = Time.scaled(page.delaySeconds()).toNanos() / 1e9;
            System.out.printf("%d virtual threads read %d bytes from %s%n", clients, bytes.get(), url);
            System.out.printf("carrier threads used: %d %s%n", carriers.size(), carriers);
            System.out.printf("requests the server held at once: %d%n", sites.mostInFlight());
            System.out.printf("cost %.3f s (one page %.3f s; one after another %.1f s)%n", cost, onePage, clients * onePage);
        }
    }
}
