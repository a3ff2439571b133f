package dev.mp4j.pool;

import dev.mp4j.launcher.pool.Pool;
import java.util.List;

/**
 * O05 — seed 004, (no heading) "一个进程池中能够容纳多个待命的士兵": {@code Pool(5).map(f, [1..10])}
 * prints {@code [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]}: the workers square the items in parallel and
 * {@code map} returns the results in input order.
 *
 * <p>Java differences: the article has no {@code __main__} guard (fine with fork, broken with spawn);
 * Java needs none. The pool is closed and joined so the program ends at once instead of at exit.
 */
public final class SquaresWithMap {

    private SquaresWithMap() {
    }

    static int f(int x) {
        return x * x;
    }

    public static void main(String[] args) throws InterruptedException {
        Pool pool = new Pool(5);
        List<Integer> rel = pool.map(SquaresWithMap::f, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        System.out.println(rel);
        pool.close();
        pool.join();
    }
}
