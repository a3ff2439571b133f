package dev.mp4j.coroutines;

import static dev.mp4j.coroutines.gevent.Gevent.joinall;
import static dev.mp4j.coroutines.gevent.Gevent.spawn;

import java.util.ArrayList;
import java.util.List;

import dev.mp4j.coroutines.gevent.Gevent;
import dev.mp4j.coroutines.gevent.Greenlet;
import dev.mp4j.launcher.Time;

/**
 * Beyond the articles (CATALOG PP06, seed 000, 协程 › 1.简介 › 使用协程的优缺点): coroutines are cheap
 * ("协程的切换开销更小 … 更加轻量级"), so 10 000 greenlets that each {@code gevent.sleep(1)} at the same
 * time finish in about one sleep, not 10 000 of them; and they wake in the order they went to sleep.
 * The hub starts every spawned greenlet before it wakes any sleeper, so all 10 000 are asleep at once
 * however long the spawning takes; the cost is one sleep plus the CPU time of 10 000 starts.
 *
 * <p>Each {@link Greenlet} here is a parked virtual thread, a few hundred bytes of stack until it runs.
 * Settings: {@code -Dcoroutines=10000}.
 */
public final class TenThousandSleepingCoroutines {

    private TenThousandSleepingCoroutines() {
    }

    public static void main(String[] args) {
        int count = Integer.getInteger("coroutines", 10_000);
        double seconds = 1;
        int[] woken = {0};
        int[] asleep = {0};
        int[] mostAsleep = {0};
        boolean[] inOrder = {true};

        long start = System.nanoTime();
        List<Greenlet> greenlets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = i;
            greenlets.add(spawn(() -> {
                // One greenlet runs at a time, so these counters need no lock.
                mostAsleep[0] = Math.max(mostAsleep[0], ++asleep[0]);
                Gevent.sleep(seconds);
                asleep[0]--;
                inOrder[0] &= woken[0] == id;
                woken[0]++;
            }));
        }
        joinall(greenlets);
        double cost = (System.nanoTime() - start) / 1e9;

        double oneSleep = Time.scaled(seconds).toNanos() / 1e9;
        System.out.printf("%d coroutines each slept %.3f s, all at once%n", woken[0], oneSleep);
        System.out.println("asleep at the same time: " + mostAsleep[0]);
        System.out.println("woke in the order they slept: " + inOrder[0]);
        System.out.printf("cost %.3f s (one sleep %.3f s; one after another %.0f s)%n", cost, oneSleep, count * oneSleep);
    }
}
