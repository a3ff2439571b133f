package dev.mp4j.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mp4j.coroutines.gevent.Gevent;

class CrawlerSyncVsGeventTest {

    private static final double SCALE = 0.25;

    @AfterEach
    void destroyHub() {
        Gevent.getHub().destroy();
    }

    @Test
    void synchronousCostsTheSumAndGeventTheSlowestPage() throws Exception {
        Console.run(0.01, () -> CrawlerSyncVsGevent.main(new String[0])); // warm-up: class loading, JIT
        Console.Run run = Console.run(SCALE, () -> CrawlerSyncVsGevent.main(new String[0]));
        List<String> lines = run.lines();

        // Shape: three GET/received pairs, 同步cost, three GETs, then three receipts, 异步cost.
        assertThat(lines).hasSize(14);
        for (int i = 0; i < 3; i++) {
            assertThat(lines.get(2 * i)).startsWith("GET: http://127.0.0.1:");
            String url = lines.get(2 * i).substring("GET: ".length());
            int bytes = LocalSites.ARTICLE_PAGES.get(i).bytes();
            assertThat(lines.get(2 * i + 1)).isEqualTo(bytes + " bytes received from " + url + ".");
        }
        assertThat(lines.get(6)).startsWith("同步cost ");
        assertThat(lines.subList(7, 10)).allMatch(line -> line.startsWith("GET: "))
                .containsExactlyElementsOf(lines.subList(0, 6).stream().filter(l -> l.startsWith("GET: ")).toList());
        assertThat(lines.subList(10, 13)).containsExactlyInAnyOrderElementsOf(
                lines.subList(0, 6).stream().filter(l -> l.contains(" bytes received from ")).toList());
        assertThat(lines.get(13)).startsWith("异步cost ");

        double sum = LocalSites.ARTICLE_PAGES.stream().mapToDouble(LocalSites.Page::delaySeconds).sum() * SCALE;
        double slowest = LocalSites.ARTICLE_PAGES.stream().mapToDouble(LocalSites.Page::delaySeconds).max().orElseThrow() * SCALE;
        double sync = Console.number(lines, "同步cost");
        double async = Console.number(lines, "异步cost");
        assertThat(sync / sum).as("synchronous cost against the sum of the delays").isBetween(0.98, 1.6);
        assertThat(async / slowest).as("gevent cost against the slowest page").isBetween(0.98, 1.8);
        assertThat(async / sync).isLessThan(0.65);
    }
}
